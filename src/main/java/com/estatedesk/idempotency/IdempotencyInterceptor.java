package com.estatedesk.idempotency;

import com.estatedesk.database.Database;
import com.estatedesk.problem.Problems;
import com.estatedesk.rest.JsonConfiguration;
import com.estatedesk.security.Caller;
import com.estatedesk.tenancy.Tenancy;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.json.bind.Jsonb;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Idempotency-Key, inside the business method's transaction: the stored response is written in the
 * same transaction as what the request created, so the two are committed (or lost) together on any
 * instance. A retry with the same key and request gets the first response back and creates nothing;
 * the same key with another request is a 422; while the first is still running, 409. Failed requests
 * store nothing, so their retry is evaluated again. Keys expire after ESTATEDESK_IDEMPOTENCY_TTL_HOURS.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class IdempotencyInterceptor {

    @PersistenceContext
    EntityManager em;

    @Inject
    IdempotencyRequest request;

    @Inject
    Caller caller;

    @Inject
    Database database;

    @Inject
    @ConfigProperty(name = "estatedesk.idempotency.ttl.hours", defaultValue = "24")
    long ttlHours;

    @AroundInvoke
    public Object once(InvocationContext invocation) throws Exception {
        if (request.key() == null) {
            return invocation.proceed();
        }
        String scope = caller.companyId() == null ? "platform:" + caller.accountId()
                : "company:" + caller.companyId() + ":account:" + caller.accountId();
        if (database.isPostgreSql() && !(Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, scope + "|" + request.key())
                .setHint(Tenancy.NATIVE_SQL_HINT, true).getSingleResult()) {
            throw Problems.conflict("A request with this Idempotency-Key is still in progress; retry shortly.");
        }
        // An expired key is forgotten: the request is new again.
        em.createNativeQuery("delete from idempotency_key where caller = ?1 and idem_key = ?2 and created_at < ?3")
                .setParameter(1, scope).setParameter(2, request.key())
                .setParameter(3, Timestamp.from(Instant.now().minus(Duration.ofHours(ttlHours))))
                .setHint(Tenancy.NATIVE_SQL_HINT, true).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("select fingerprint, response from idempotency_key"
                        + " where caller = ?1 and idem_key = ?2")
                .setParameter(1, scope).setParameter(2, request.key())
                .setHint(Tenancy.NATIVE_SQL_HINT, true).getResultList();
        Jsonb json = JsonConfiguration.jsonb();
        if (!stored.isEmpty()) {
            if (!stored.get(0)[0].equals(request.fingerprint())) {
                throw Problems.unprocessable(IdempotencyKeyFilter.HEADER,
                        "This Idempotency-Key was used for a different request.");
            }
            return json.fromJson((String) stored.get(0)[1], invocation.getMethod().getGenericReturnType());
        }
        Object result = invocation.proceed();
        em.createNativeQuery("insert into idempotency_key (caller, idem_key, fingerprint, response, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, scope).setParameter(2, request.key()).setParameter(3, request.fingerprint())
                .setParameter(4, json.toJson(result)).setParameter(5, Timestamp.from(Instant.now()))
                .setHint(Tenancy.NATIVE_SQL_HINT, true).executeUpdate();
        return result;
    }
}
