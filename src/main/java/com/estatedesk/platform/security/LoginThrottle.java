package com.estatedesk.platform.security;

import com.estatedesk.infra.database.Database;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * At most {@value #MAX_ATTEMPTS} password checks per (company, email) per 15 minutes, counted in
 * PostgreSQL so that every instance shares the count, through functions that are the application role's
 * only way to the table (it cannot read other logins' attempts or clear a count with a DELETE). An attempt is counted before its password is
 * checked, in a transaction of its own that commits whatever the login's outcome: parallel guesses
 * cannot slip past the limit, and a throttled attempt costs no hashing at all. A successful login clears
 * the count. Keyed by what was typed, so an unknown email or company is throttled exactly like a known one.
 */
@Stateless
public class LoginThrottle {

    static final int MAX_ATTEMPTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    /** Counts one attempt; 429 with Retry-After when the pair is over the limit. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void admit(String companyKey, String email) {
        admit(companyKey, email, "Too many failed logins for this email; retry later.");
    }

    /** As {@link #admit(String, String)}, with the 429's own words ({@code refusal}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void admit(String companyKey, String email, String refusal) {
        Instant now = Instant.now();
        Timestamp windowEdge = Timestamp.from(now.minus(WINDOW));
        Object[] counted = database.isPostgreSql()
                ? countInOneStatement(companyKey, email, now, windowEdge)
                : countStepByStep(companyKey, email, now, windowEdge);
        int attempts = ((Number) counted[0]).intValue();
        if (attempts > MAX_ATTEMPTS) {
            Instant started = toInstant(counted[1]);
            long retryAfter =
                    Math.max(1, Duration.between(now, started.plus(WINDOW)).toSeconds() + 1);
            throw Problems.tooManyRequests(refusal, retryAfter);
        }
    }

    /**
     * One atomic statement: the row's lock orders concurrent attempts of one pair, and the count returned
     * is the one this attempt wrote. (Three statements used to let another login's success delete the row
     * between this one's update and its read: a 500.)
     */
    private Object[] countInOneStatement(String companyKey, String email, Instant now, Timestamp windowEdge) {
        // The application role reaches login_attempt only through these functions (V5_3): no read of
        // other logins' attempts, no plain DELETE to clear a count.
        return (Object[]) em.createNativeQuery("select attempt_count, window_start"
                        + " from count_login_attempt(?1, ?2, ?3, make_interval(secs => ?4))")
                .setParameter(1, companyKey)
                .setParameter(2, email)
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, (double) WINDOW.toSeconds())
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .getSingleResult();
    }

    /** The embedded H2 (one instance, no upsert with RETURNING): insert, raise, read; a row cleared meanwhile is a fresh window. */
    private Object[] countStepByStep(String companyKey, String email, Instant now, Timestamp windowEdge) {
        em.createNativeQuery("insert into login_attempt (company_key, email, attempts, window_started)"
                        + " values (?1, ?2, 0, ?3) on conflict do nothing")
                .setParameter(1, companyKey)
                .setParameter(2, email)
                .setParameter(3, Timestamp.from(now))
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .executeUpdate();
        em.createNativeQuery("update login_attempt set"
                        + " attempts = case when window_started <= ?1 then 1 else attempts + 1 end,"
                        + " window_started = case when window_started <= ?1 then ?2 else window_started end"
                        + " where company_key = ?3 and email = ?4")
                .setParameter(1, windowEdge)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, companyKey)
                .setParameter(4, email)
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> row = em.createNativeQuery(
                        "select attempts, window_started from login_attempt where company_key = ?1 and email = ?2")
                .setParameter(1, companyKey)
                .setParameter(2, email)
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .getResultList();
        return row.isEmpty() ? new Object[] {1, Timestamp.from(now)} : row.get(0);
    }

    /** A successful login: the pair starts afresh. Runs in the login's own transaction. */
    public void clear(String companyKey, String email) {
        if (database.isPostgreSql()) {
            em.createNativeQuery("select clear_login_attempts(?1, ?2)")
                    .setParameter(1, companyKey)
                    .setParameter(2, email)
                    .setHint(Tenancy.NATIVE_SQL_HINT, true)
                    .getSingleResult();
            return;
        }
        em.createNativeQuery("delete from login_attempt where company_key = ?1 and email = ?2")
                .setParameter(1, companyKey)
                .setParameter(2, email)
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .executeUpdate();
    }

    /** Housekeeping: windows that are over hold nothing worth keeping. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeStale() {
        Timestamp before = Timestamp.from(Instant.now().minus(WINDOW));
        if (database.isPostgreSql()) {
            return ((Number) em.createNativeQuery("select purge_login_attempts(?1)")
                            .setParameter(1, before)
                            .setHint(Tenancy.NATIVE_SQL_HINT, true)
                            .getSingleResult())
                    .intValue();
        }
        return em.createNativeQuery("delete from login_attempt where window_started <= ?1")
                .setParameter(1, before)
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .executeUpdate();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
