package com.estatedesk.idempotency;

import com.estatedesk.database.Database;
import com.estatedesk.problem.ProblemException;
import com.estatedesk.problem.Problems;
import com.estatedesk.rest.JsonConfiguration;
import com.estatedesk.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.Type;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored answers to Idempotency-Keys, always inside the transaction of the request that owns the key:
 * the answer is committed (or lost) together with what the request created, on any instance.
 */
@ApplicationScoped
public class IdempotencyStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    @Inject
    @ConfigProperty(name = "estatedesk.idempotency.ttl.hours", defaultValue = "24")
    long ttlHours;

    /**
     * The answer stored for this claim, if its request already succeeded. Refuses a key that is in use
     * by a running request (409) or was used for a different request (422). An expired key is forgotten.
     */
    public Optional<Object> previousAnswer(IdempotencyClaim claim, Type answerType) {
        if (database.isPostgreSql() && !(Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, claim.identity())
                .setHint(Tenancy.NATIVE_SQL_HINT, true).getSingleResult()) {
            throw inProgress();
        }
        em.createNativeQuery("delete from idempotency_key where caller = ?1 and idem_key = ?2 and created_at < ?3")
                .setParameter(1, claim.scope()).setParameter(2, claim.key())
                .setParameter(3, Timestamp.from(Instant.now().minus(Duration.ofHours(ttlHours))))
                .setHint(Tenancy.NATIVE_SQL_HINT, true).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("select fingerprint, response from idempotency_key"
                        + " where caller = ?1 and idem_key = ?2")
                .setParameter(1, claim.scope()).setParameter(2, claim.key())
                .setHint(Tenancy.NATIVE_SQL_HINT, true).getResultList();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get(0)[0].equals(claim.fingerprint())) {
            throw Problems.unprocessable(IdempotencyKeyFilter.HEADER, "This Idempotency-Key was used for a different request.");
        }
        return Optional.of(JsonConfiguration.jsonb().fromJson((String) stored.get(0)[1], answerType));
    }

    /** Stores the answer of a request that succeeded; committed with the request's own writes. */
    public void remember(IdempotencyClaim claim, Object answer) {
        em.createNativeQuery("insert into idempotency_key (caller, idem_key, fingerprint, response, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, claim.scope()).setParameter(2, claim.key()).setParameter(3, claim.fingerprint())
                .setParameter(4, JsonConfiguration.jsonb().toJson(answer)).setParameter(5, Timestamp.from(Instant.now()))
                .setHint(Tenancy.NATIVE_SQL_HINT, true).executeUpdate();
    }

    public static ProblemException inProgress() {
        return Problems.conflict("A request with this Idempotency-Key is still in progress; retry shortly.");
    }
}
