package com.estatedesk.platform.tenancy;

import com.estatedesk.infra.database.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Objects;
import org.eclipse.persistence.config.QueryHints;

/**
 * Binds a company to the current JTA transaction, twice: as the EclipseLink tenant (every JPA query
 * of a {@link CompanyOwned} entity is filtered by it) and, on PostgreSQL, as {@code app.company_id}
 * for row-level security on the transaction's connection.
 */
@ApplicationScoped
public class Tenancy {

    public static final String TENANT_PROPERTY = "estatedesk.company-id";
    /**
     * Query hint that allows one native query. Native SQL is NOT tenant-filtered by EclipseLink: such a
     * query must name company_id itself (row-level security still applies on PostgreSQL).
     */
    public static final String NATIVE_SQL_HINT = QueryHints.ALLOW_NATIVE_SQL_QUERY;

    private static final Object BOUND_COMPANY = Tenancy.class.getName() + ".company";

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /**
     * Binds {@code companyId} to the active transaction. Must run inside it: set outside, the
     * property is silently lost; and it goes on the delegate, because on WildFly the container's proxy
     * would keep the value for the next caller.
     */
    public void bindToTransaction(long companyId) {
        Object bound = transaction.getResource(BOUND_COMPANY);
        if (bound != null) {
            if (!bound.equals(companyId)) {
                throw new IllegalStateException("transaction already bound to another company");
            }
            return;
        }
        EntityManager delegate = (EntityManager) em.getDelegate();
        delegate.setProperty(TENANT_PROPERTY, companyId);
        if (database.isPostgreSql()) {
            // Same transaction, same connection; 'true' = local to the transaction. The lock timeout
            // rides along so that a registration waiting on a sequence lock gives up in bounded time.
            em.createNativeQuery("select set_config('app.company_id', ?1, true), set_config('lock_timeout', ?2, true)")
                    .setParameter(1, Long.toString(companyId))
                    .setParameter(2, database.lockTimeoutMillis() + "ms")
                    .setHint(Tenancy.NATIVE_SQL_HINT, true)
                    .getSingleResult();
        }
        transaction.putResource(BOUND_COMPANY, companyId);
    }

    /** The company bound to the current transaction. */
    public long boundCompany() {
        Object bound = transaction.getResource(BOUND_COMPANY);
        return (Long) Objects.requireNonNull(bound, "no company bound to this transaction");
    }
}
