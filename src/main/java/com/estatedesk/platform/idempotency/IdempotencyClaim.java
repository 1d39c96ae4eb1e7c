package com.estatedesk.platform.idempotency;

import com.estatedesk.infra.identity.Caller;

/**
 * One request's Idempotency-Key, taken from its own request context so that it can be honoured on
 * another thread (a registration answered as part of a batch). The scope keeps callers apart.
 */
public record IdempotencyClaim(String scope, String key, String fingerprint) {

    /** The current request's claim, or null when it sent no Idempotency-Key. */
    public static IdempotencyClaim of(Caller caller, IdempotencyRequest request) {
        if (request.key() == null) {
            return null;
        }
        String scope = caller.companyId() == null
                ? "platform:" + caller.accountId()
                : "company:" + caller.companyId() + ":account:" + caller.accountId();
        return new IdempotencyClaim(scope, request.key(), request.fingerprint());
    }

    /** One key of one caller: what two claims share when they are the same request's retries. */
    public String identity() {
        return scope + "|" + key;
    }
}
