package com.estatedesk.tenancy;

import com.estatedesk.database.Database;
import com.estatedesk.metrics.AppMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * Counts requests for ids that exist in another company (a metric for alerts; only operators can read
 * /metrics). Runs in the request's own transaction as the application role: on PostgreSQL through
 * {@code count_rows_with_id}, a SECURITY DEFINER function that answers only a count (row-level
 * security would hide the other company's row from the role itself); on the H2 demo, which has no
 * row-level security, with a plain count. The caller's answer does not depend on the outcome, and the
 * query runs for a missing id too, so the two cannot be told apart by timing.
 */
@ApplicationScoped
public class CrossCompanyProbe {

    private static final Logger LOG = Logger.getLogger(CrossCompanyProbe.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    @Inject
    AppMetrics metrics;

    public void countIfElsewhere(String table, long id) {
        var query = database.isPostgreSql()
                ? em.createNativeQuery("select count_rows_with_id(?1, ?2)")
                        .setParameter(1, table)
                        .setParameter(2, id)
                : em.createNativeQuery("select count(*) from " + table + " where id = ?1")
                        .setParameter(1, id);
        if (((Number) query.setHint(Tenancy.NATIVE_SQL_HINT, true).getSingleResult()).longValue() > 0) {
            metrics.crossCompanyAttempt(table);
            LOG.warning(() -> "Cross-company attempt: " + table + " " + id + " belongs to another company");
        }
    }
}
