package com.estatedesk.feature.people.model;

import com.estatedesk.infra.database.Timestamps;
import com.estatedesk.platform.tenancy.CompanyOwned;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A marketer or a client: numbered per company, never deleted, uid never reused. */
@MappedSuperclass
public abstract class Person extends CompanyOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_id")
    @SequenceGenerator(name = "person_id", sequenceName = "person_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String uid;

    @Column(name = "uid_number", nullable = false, updatable = false)
    private long number;

    @Column(nullable = false)
    private String name;

    /** Changed only by its login's owner (a confirmed email change, {@link #followLoginEmail}). */
    @Column(nullable = false)
    private String email;

    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PersonStatus status;

    /** Set at registration, or later by an invitation; never changed once set. */
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "created_at", nullable = false, updatable = false)
    // OffsetDateTime, not Instant: EclipseLink 4.0 would serialize an Instant into bytes.
    private OffsetDateTime createdAt;

    protected Person() {}

    public void register(String uid, long number, String name, String email, String phone, Long accountId) {
        this.uid = uid;
        this.number = number;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.accountId = accountId;
        this.status = PersonStatus.ACTIVE;
        this.createdAt = Timestamps.now();
    }

    /** An invitation gave this person, who had no login, the login {@code accountId}. */
    public void linkLogin(long accountId) {
        if (this.accountId != null) {
            throw new IllegalStateException(uid + " has a login already");
        }
        this.accountId = accountId;
    }

    /** The person's login email changed (confirmed by its owner): the person's email follows it. */
    public void followLoginEmail(String email) {
        this.email = email;
    }

    void rename(String name) {
        this.name = name;
    }

    void changePhone(String phone) {
        this.phone = phone;
    }

    void changeStatus(PersonStatus status) {
        this.status = status;
    }

    public Long id() {
        return id;
    }

    public String uid() {
        return uid;
    }

    public long number() {
        return number;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public PersonStatus status() {
        return status;
    }

    public Long accountId() {
        return accountId;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
