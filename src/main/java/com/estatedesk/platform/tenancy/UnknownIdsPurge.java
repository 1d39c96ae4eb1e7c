package com.estatedesk.platform.tenancy;

import com.estatedesk.infra.database.Database;
import com.estatedesk.infra.database.Housekeeper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** Forgets noted cross-company attempts ({@link UnknownIds}) after 30 days, on the housekeeping timer. */
@ApplicationScoped
public class UnknownIdsPurge implements Housekeeper {

    private static final Duration KEPT = Duration.ofDays(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String purge() {
        if (!database.isPostgreSql()) {
            return "";
        }
        return ((Number) em.createNativeQuery("select purge_cross_company_attempts(?1)")
                        .setParameter(1, Timestamp.from(Instant.now().minus(KEPT)))
                        .setHint(Tenancy.NATIVE_SQL_HINT, true)
                        .getSingleResult())
                + " noted cross-company attempts";
    }
}
