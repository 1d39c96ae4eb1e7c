package com.estatedesk.platform.idempotency;

import com.estatedesk.infra.database.Database;
import com.estatedesk.infra.problem.ProblemException;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.infra.rest.JsonConfiguration;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.lang.reflect.Type;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /** The protocol for the requests of the current transaction whose answers are of this type. */
    public <A> IdempotentWrites<A> writes(Type answerType) {
        return new IdempotentWrites<>(this, answerType);
    }

    /**
     * The answer stored for this claim, if its request already succeeded. Refuses a key that is in use
     * by a running request (409) or was used for a different request (422). An expired key is forgotten.
     */
    Optional<Object> previousAnswer(IdempotencyClaim claim, Type answerType) {
        if (database.isPostgreSql()
                && !(Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(?1))")
                        .setParameter(1, claim.identity())
                        .setHint(Tenancy.NATIVE_SQL_HINT, true)
                        .getSingleResult()) {
            throw inProgress();
        }
        em.createNativeQuery("delete from idempotency_key where caller = ?1 and idem_key = ?2 and created_at < ?3")
                .setParameter(1, claim.scope())
                .setParameter(2, claim.key())
                .setParameter(3, Timestamp.from(Instant.now().minus(Duration.ofHours(ttlHours))))
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery(
                        "select fingerprint, response from idempotency_key" + " where caller = ?1 and idem_key = ?2")
                .setParameter(1, claim.scope())
                .setParameter(2, claim.key())
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .getResultList();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get(0)[0].equals(claim.fingerprint())) {
            throw Problems.unprocessable(
                    IdempotencyKeyFilter.HEADER, "This Idempotency-Key was used for a different request.");
        }
        return Optional.of(JsonConfiguration.jsonb().fromJson((String) stored.get(0)[1], answerType));
    }

    /**
     * Stores the answers of several requests written in one transaction, with one statement: it runs
     * while the company's sequence lock is held, so one round trip, not one per request.
     */
    void rememberAll(Map<IdempotencyClaim, ?> answers) {
        if (answers.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "insert into idempotency_key (caller, idem_key, fingerprint, response, created_at) values ");
        List<Object> parameters = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        answers.forEach((claim, answer) -> {
            int first = parameters.size() + 1;
            sql.append(parameters.isEmpty() ? "" : ", ")
                    .append("(?")
                    .append(first)
                    .append(", ?")
                    .append(first + 1)
                    .append(", ?")
                    .append(first + 2)
                    .append(", ?")
                    .append(first + 3)
                    .append(", ?")
                    .append(first + 4)
                    .append(')');
            parameters.addAll(List.of(
                    claim.scope(),
                    claim.key(),
                    claim.fingerprint(),
                    JsonConfiguration.jsonb().toJson(answer),
                    now));
        });
        Query insert = em.createNativeQuery(sql.toString()).setHint(Tenancy.NATIVE_SQL_HINT, true);
        for (int i = 0; i < parameters.size(); i++) {
            insert.setParameter(i + 1, parameters.get(i));
        }
        insert.executeUpdate();
    }

    /** Housekeeping (in the caller's transaction): keys past their lifetime are forgotten. */
    public int purgeExpired() {
        Timestamp before = Timestamp.from(Instant.now().minus(Duration.ofHours(ttlHours)));
        if (database.isPostgreSql()) {
            // Every caller's keys: row-level security shows a transaction only its own caller's (V5_4).
            return ((Number) em.createNativeQuery("select purge_idempotency_keys(?1)")
                            .setParameter(1, before)
                            .setHint(Tenancy.NATIVE_SQL_HINT, true)
                            .getSingleResult())
                    .intValue();
        }
        return em.createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, before)
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .executeUpdate();
    }

    public static ProblemException inProgress() {
        return Problems.conflict("A request with this Idempotency-Key is still in progress; retry shortly.");
    }
}
