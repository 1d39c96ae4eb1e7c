package com.estatedesk.platform.idempotency;

import com.estatedesk.infra.identity.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Optional;

/**
 * Idempotency-Key, inside the business method's transaction ({@link IdempotencyStore}). A retry with
 * the same key and request gets the first response back and creates nothing; the same key with another
 * request is a 422; while the first is still running, 409. Failed requests store nothing, so their retry
 * is evaluated again. Keys expire after ESTATEDESK_IDEMPOTENCY_TTL_HOURS.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class IdempotencyInterceptor {

    @Inject
    IdempotencyRequest request;

    @Inject
    Caller caller;

    @Inject
    IdempotencyStore store;

    @AroundInvoke
    public Object once(InvocationContext invocation) throws Exception {
        IdempotencyClaim claim = IdempotencyClaim.of(caller, request);
        if (claim == null) {
            return invocation.proceed();
        }
        IdempotentWrites<Object> writes = store.writes(invocation.getMethod().getGenericReturnType());
        Optional<Object> previous = writes.replay(claim);
        if (previous.isPresent()) {
            return previous.get();
        }
        Object result = invocation.proceed();
        writes.answered(claim, result);
        writes.remember();
        return result;
    }
}
