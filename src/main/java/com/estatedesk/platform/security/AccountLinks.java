package com.estatedesk.platform.security;

import com.estatedesk.infra.database.Database;
import com.estatedesk.infra.database.Timestamps;
import com.estatedesk.infra.problem.ProblemException;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.infra.rest.PublicUrl;
import com.estatedesk.platform.security.AccountToken.Purpose;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The one mechanism behind every one-time link (invitation, password reset, email change): 256 random
 * bits, kept only as their SHA-256, dead once used, expired or replaced. The link carries no company:
 * the company is found from the token (for its holder only) and bound before the token is read under
 * that company's tenancy. Every link points into the console (a URL fragment, so the token reaches
 * neither the server's access log nor a proxy's), based on ESTATEDESK_PUBLIC_URL only.
 */
@ApplicationScoped
public class AccountLinks {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    Database database;

    /** A new link: the token (shown or emailed once, never stored) and the console URL that carries it. */
    public record Issued(String token, String url, Instant expiresAt) {}

    /**
     * Issues a link of {@code purpose} for a login of the bound company; the account's earlier live links
     * of the same purpose die (re-inviting makes the earlier invitation dead).
     */
    public Issued issue(Account account, Purpose purpose, Duration validFor, String newEmail) {
        OffsetDateTime now = Timestamps.now();
        for (AccountToken earlier : live(account.id())) {
            if (earlier.purpose() == purpose) {
                earlier.markUsed(now);
            }
        }
        byte[] secret = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expiresAt = now.plus(validFor);
        em.persist(new AccountToken(account.id(), purpose, hash(token), newEmail, expiresAt));
        return new Issued(token, consoleUrl(purpose, token), expiresAt.toInstant());
    }

    /**
     * The live link of {@code purpose} that {@code token} names, now used, with its company bound to the
     * transaction. Unknown, used, expired, replaced or of another purpose: the same 410, so that the
     * answer tells nothing beyond "this link does not work".
     */
    public AccountToken redeem(String token, Purpose purpose) {
        // two requests with one token: the second waits, then finds it used
        AccountToken link = live(token, purpose, LockModeType.PESSIMISTIC_WRITE);
        link.markUsed(Timestamps.now());
        return link;
    }

    /** As {@link #redeem}, but the link stays live: what it is for, shown before its holder acts on it. */
    public AccountToken peek(String token, Purpose purpose) {
        return live(token, purpose, LockModeType.NONE);
    }

    private AccountToken live(String token, Purpose purpose, LockModeType lock) {
        String hash = hash(token == null ? "" : token);
        Long companyId = companyOf(hash);
        if (companyId == null) {
            throw dead();
        }
        tenancy.bindToTransaction(companyId);
        List<AccountToken> found = em.createNamedQuery(AccountToken.BY_HASH, AccountToken.class)
                .setParameter("hash", hash)
                .setLockMode(lock)
                .getResultList();
        if (found.isEmpty()
                || found.get(0).purpose() != purpose
                || !found.get(0).isLive(Timestamps.now())) {
            throw dead();
        }
        return found.get(0);
    }

    /** Every live link of the account dies (a password set by a reset ends them all). */
    public void killAll(long accountId) {
        OffsetDateTime now = Timestamps.now();
        live(accountId).forEach(link -> link.markUsed(now));
    }

    private List<AccountToken> live(long accountId) {
        return em.createNamedQuery(AccountToken.LIVE_OF_ACCOUNT, AccountToken.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    /** The token's company, through a function on PostgreSQL (the application role reads no other company's rows). */
    private Long companyOf(String hash) {
        @SuppressWarnings("unchecked")
        List<Object> companies = em.createNativeQuery(
                        database.isPostgreSql()
                                ? "select company_id from account_token_company(?1)"
                                : "select company_id from account_token where token_hash = ?1")
                .setParameter(1, hash)
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .getResultList();
        return companies.isEmpty() ? null : ((Number) companies.get(0)).longValue();
    }

    private static String consoleUrl(Purpose purpose, String token) {
        String page = switch (purpose) {
            case INVITATION -> "invitation";
            case PASSWORD_RESET -> "reset-password";
            case EMAIL_CHANGE -> "confirm-email";
        };
        return PublicUrl.value().orElse("") + "/#/" + page + "/" + token;
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one answer for a link that does not work, whatever the reason. */
    static ProblemException dead() {
        return Problems.of(
                "link-not-valid",
                "Link not valid",
                410,
                "This link does not work: it was used already, has expired, or a newer one replaced it. Ask for a new one.");
    }
}
