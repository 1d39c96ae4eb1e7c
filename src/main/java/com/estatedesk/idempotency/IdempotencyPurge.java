package com.estatedesk.idempotency;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Forgets Idempotency-Keys past their lifetime, in a transaction of its own (called by the housekeeping timer). */
@Stateless
public class IdempotencyPurge {

    @Inject
    IdempotencyStore store;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expired() {
        return store.purgeExpired();
    }
}
