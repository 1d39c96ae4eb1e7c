package com.estatedesk.platform.security;

import com.estatedesk.infra.database.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An operator of the platform: manages companies, belongs to none. */
@Entity
@Table(name = "platform_admin")
@NamedQuery(name = PlatformAdmin.BY_EMAIL, query = "select a from PlatformAdmin a where a.email = :email")
@NamedQuery(name = PlatformAdmin.COUNT, query = "select count(a) from PlatformAdmin a")
public class PlatformAdmin {

    public static final String BY_EMAIL = "PlatformAdmin.byEmail";
    public static final String COUNT = "PlatformAdmin.count";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "platform_admin_id")
    @SequenceGenerator(name = "platform_admin_id", sequenceName = "platform_admin_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String email;

    // Never written by JPA: on PostgreSQL the application role may change them only through
    // set_platform_admin_password (V5_4); PlatformAdmins writes them.
    @Column(name = "password_hash", nullable = false, updatable = false)
    private String passwordHash;

    @Column(name = "token_generation", nullable = false, updatable = false)
    private int tokenGeneration;

    // Written only by PlatformAdmins.setSecondFactor, like the password.
    @Column(name = "totp_secret", updatable = false)
    private String totpSecret;

    @Column(name = "totp_enabled", nullable = false, updatable = false)
    private boolean totpEnabled;

    @Column(name = "created_at", nullable = false)
    // OffsetDateTime, not Instant: EclipseLink 4.0 would serialize an Instant into bytes.
    private OffsetDateTime createdAt;

    protected PlatformAdmin() {}

    public PlatformAdmin(String email, String passwordHash) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.createdAt = Timestamps.now();
    }

    public Long id() {
        return id;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String email() {
        return email;
    }

    public int tokenGeneration() {
        return tokenGeneration;
    }

    public boolean hasSecondFactor() {
        return totpEnabled;
    }

    String totpSecret() {
        return totpSecret;
    }

    /** What {@link PlatformAdmins#setSecondFactor} wrote. */
    void secondFactorWritten(String secret, boolean enabled, boolean endTokens) {
        this.totpSecret = secret;
        this.totpEnabled = enabled;
        if (endTokens) {
            tokenGeneration++;
        }
    }

    /** What {@link PlatformAdmins#setPassword} wrote: a new password ends every token issued before it. */
    void passwordWritten(String newHash, boolean endTokens) {
        this.passwordHash = newHash;
        if (endTokens) {
            tokenGeneration++;
        }
    }
}
