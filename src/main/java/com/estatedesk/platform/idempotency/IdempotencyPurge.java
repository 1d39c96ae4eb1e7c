package com.estatedesk.platform.idempotency;

import com.estatedesk.infra.database.Housekeeper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Forgets Idempotency-Keys past their lifetime, in a transaction of its own, on the housekeeping timer. */
@ApplicationScoped
public class IdempotencyPurge implements Housekeeper {

    @Inject
    IdempotencyStore store;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String purge() {
        return store.purgeExpired() + " expired Idempotency-Keys";
    }
}
