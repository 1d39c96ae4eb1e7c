package com.estatedesk.platform.tenancy;

import com.estatedesk.infra.metrics.AppMetrics;
import com.estatedesk.infra.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;

/**
 * Looking up a company-owned row by id. The lookup is tenant-filtered, so another company's id and an
 * id that does not exist give the same answer: 404 when the id is in the path, 422 when in the body.
 * Behind the scenes the unknown id is noted ({@link UnknownIds}), the same way for both.
 */
@ApplicationScoped
public class CompanyRows {

    @PersistenceContext
    EntityManager em;

    @jakarta.ejb.EJB
    UnknownIds unknownIds;

    @Inject
    Tenancy tenancy;

    @Inject
    AppMetrics metrics;

    public <T extends CompanyOwned> T inPath(Class<T> type, long id, String what) {
        T row = em.find(type, id);
        if (row == null) {
            noteUnknown(type, id);
            throw Problems.notFound(what);
        }
        return row;
    }

    public <T extends CompanyOwned> T inBody(Class<T> type, Long id, String field, String what) {
        if (id == null) {
            throw Problems.invalid(field, "is required");
        }
        T row = em.find(type, id);
        if (row == null) {
            noteUnknown(type, id);
            throw Problems.unresolvableReference(field, what);
        }
        return row;
    }

    /** For lookups made by a service's own query that found nothing. A burst is someone guessing ids. */
    public void noteUnknown(Class<? extends CompanyOwned> type, long id) {
        metrics.unknownIdLookup(type.getAnnotation(Table.class).name());
        UnknownIds.noteIfRoom(
                unknownIds,
                tenancy.boundCompany(),
                type.getAnnotation(Table.class).name(),
                id);
    }
}
