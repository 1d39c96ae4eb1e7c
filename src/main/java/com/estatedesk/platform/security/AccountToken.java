package com.estatedesk.platform.security;

import com.estatedesk.infra.database.Timestamps;
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

/** One one-time link of a company login (see {@link AccountLinks}); only the token's SHA-256 is kept. */
@Entity
@Table(name = "account_token")
@NamedQuery(name = AccountToken.BY_HASH, query = "select t from AccountToken t where t.tokenHash = :hash")
@NamedQuery(
        name = AccountToken.LIVE_OF_ACCOUNT,
        query = "select t from AccountToken t where t.accountId = :account and t.usedAt is null")
public class AccountToken extends CompanyOwned {

    static final String BY_HASH = "AccountToken.byHash";
    static final String LIVE_OF_ACCOUNT = "AccountToken.liveOfAccount";

    /** What a link does when followed. */
    public enum Purpose {
        INVITATION,
        PASSWORD_RESET,
        EMAIL_CHANGE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_token_id")
    @SequenceGenerator(name = "account_token_id", sequenceName = "account_token_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Purpose purpose;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "new_email", updatable = false)
    private String newEmail;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected AccountToken() {}

    AccountToken(long accountId, Purpose purpose, String tokenHash, String newEmail, OffsetDateTime expiresAt) {
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.newEmail = newEmail;
        this.expiresAt = expiresAt;
        this.createdAt = Timestamps.now();
    }

    public long accountId() {
        return accountId;
    }

    public Purpose purpose() {
        return purpose;
    }

    public String newEmail() {
        return newEmail;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    boolean isLive(OffsetDateTime now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    void markUsed(OffsetDateTime now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }
}
