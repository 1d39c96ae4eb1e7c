package com.estatedesk.platform.tenancy;

import com.estatedesk.infra.database.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

/** A tenant of the platform: a real-estate company. Owned by the platform, not by a company. */
@Entity
@Table(name = "company")
@NamedQuery(name = Company.BY_SLUG, query = "select c from Company c where c.slug = :slug")
@NamedQuery(name = Company.BY_NAME_KEY, query = "select c from Company c where c.nameKey = :nameKey")
@NamedQuery(name = Company.PREFIXES_LIKE, query = "select c.prefix from Company c where c.prefix like :stem")
@NamedQuery(name = Company.SLUGS_LIKE, query = "select c.slug from Company c where c.slug like :stem")
public class Company {

    public static final String BY_SLUG = "Company.bySlug";
    public static final String BY_NAME_KEY = "Company.byNameKey";
    public static final String PREFIXES_LIKE = "Company.prefixesLike";
    public static final String SLUGS_LIKE = "Company.slugsLike";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "company_id")
    @SequenceGenerator(name = "company_id", sequenceName = "company_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_key", nullable = false)
    private String nameKey;

    @Column(nullable = false, updatable = false)
    private String slug;

    /** Part of every uid the company ever issued; never changes. */
    @Column(nullable = false, updatable = false)
    private String prefix;

    @Enumerated(EnumType.STRING)
    // Written only at insert by JPA; afterwards through set_company_status (V5_4), see CompanyService.
    @Column(nullable = false, updatable = false)
    private CompanyStatus status = CompanyStatus.ACTIVE;

    /** Tokens of the company issued with a lower generation are revoked (see Revocations). */
    @Column(name = "token_generation", nullable = false, updatable = false)
    private int tokenGeneration;

    @Column(name = "created_at", nullable = false, updatable = false)
    // OffsetDateTime, not Instant: EclipseLink 4.0 would serialize an Instant into bytes.
    private OffsetDateTime createdAt;

    protected Company() {}

    public Company(String name, String slug, String prefix) {
        rename(name);
        this.slug = slug;
        this.prefix = prefix;
        this.createdAt = Timestamps.now();
    }

    public void rename(String newName) {
        this.name = newName;
        this.nameKey = nameKey(newName);
    }

    public static String nameKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String slug() {
        return slug;
    }

    public String prefix() {
        return prefix;
    }

    public CompanyStatus status() {
        return status;
    }

    public int tokenGeneration() {
        return tokenGeneration;
    }

    /** Suspending ends every token of the company; activating again lets its people log in anew. */
    public void changeStatus(CompanyStatus newStatus) {
        if (status == CompanyStatus.ACTIVE && newStatus == CompanyStatus.SUSPENDED) {
            tokenGeneration++;
        }
        status = newStatus;
    }

    public boolean isActive() {
        return status == CompanyStatus.ACTIVE;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
