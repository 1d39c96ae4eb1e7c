package com.estatedesk.platform.security;

import com.estatedesk.infra.database.Timestamps;
import com.estatedesk.infra.identity.Role;
import com.estatedesk.platform.tenancy.CompanyOwned;
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
import java.time.OffsetDateTime;

/** A company login: company admin, or the login of a marketer or client. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_EMAIL, query = "select a from Account a where a.email = :email")
public class Account extends CompanyOwned {

    public static final String BY_EMAIL = "Account.byEmail";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_id")
    @SequenceGenerator(name = "account_id", sequenceName = "account_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean active = true;

    /** Tokens issued with a lower generation are revoked (see Revocations). */
    @Column(name = "token_generation", nullable = false)
    private int tokenGeneration;

    /** The TOTP secret (Base32), from enrolment on; used for logins once {@link #totpEnabled}. */
    @Column(name = "totp_secret")
    private String totpSecret;

    @Column(name = "totp_enabled", nullable = false)
    private boolean totpEnabled;

    @Column(name = "created_at", nullable = false)
    // OffsetDateTime, not Instant: EclipseLink 4.0 would serialize an Instant into bytes.
    private OffsetDateTime createdAt;

    /** The hash of a login that has no password yet (invited): it matches no password. */
    static final String NO_PASSWORD = "";

    protected Account() {}

    /** A login whose person sets the password by following an invitation. */
    public static Account invited(String email, String displayName, Role role) {
        return new Account(email, displayName, NO_PASSWORD, role);
    }

    public Account(String email, String displayName, String passwordHash, Role role) {
        if (role == Role.PLATFORM_ADMIN) {
            throw new IllegalArgumentException("platform admins have no company account");
        }
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = Timestamps.now();
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public String displayName() {
        return displayName;
    }

    /** False for an invited login whose invitation is not accepted yet. */
    public boolean hasPassword() {
        return !NO_PASSWORD.equals(passwordHash);
    }

    public boolean isActive() {
        return active;
    }

    public int tokenGeneration() {
        return tokenGeneration;
    }

    /** A deactivated login gets no new tokens, and the ones it has stop working (the caller records the revocation). */
    public void setActive(boolean active) {
        if (this.active && !active) {
            tokenGeneration++;
        }
        this.active = active;
    }

    /** A new password ends every token issued before it. */
    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        tokenGeneration++;
    }

    /** Whether logins need a code from the second factor. */
    public boolean hasSecondFactor() {
        return totpEnabled;
    }

    String totpSecret() {
        return totpSecret;
    }

    /** Enrolment (while no factor is on): a new secret, needed at login once a code from it is confirmed. */
    void enrolSecondFactor(String secret) {
        this.totpSecret = secret;
        this.totpEnabled = false;
    }

    /** A lost device: the factor is off, and every token of the login ends (whoever holds them). */
    void resetSecondFactor() {
        this.totpSecret = null;
        this.totpEnabled = false;
        tokenGeneration++;
    }

    /** A code from the new secret was confirmed: logins need codes from now on. */
    void confirmSecondFactor() {
        this.totpEnabled = true;
        tokenGeneration++; // sign-ins without a code end: from now on every one had the code
    }

    /** A confirmed new login email: tokens issued for the old one end. */
    void changeEmail(String newEmail) {
        this.email = newEmail;
        tokenGeneration++;
    }

    /** The same password, hashed with today's settings: tokens stay valid. */
    public void rehashPassword(String newHash) {
        this.passwordHash = newHash;
    }
}
