package com.estatedesk.tenancy;

import com.estatedesk.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;

/**
 * Looking up a company-owned row by id. The lookup is tenant-filtered, so another company's id and an
 * id that does not exist give the same answer: 404 when the id is in the path, 422 when in the body.
 * Behind the scenes an id that exists in another company is counted (a metric for alerts), with the
 * same extra query for a missing id, so that the two cannot be told apart by timing either.
 */
@ApplicationScoped
public class CompanyRows {

    @PersistenceContext
    EntityManager em;

    @Inject
    CrossCompanyProbe probe;

    public <T extends CompanyOwned> T inPath(Class<T> type, long id, String what) {
        T row = em.find(type, id);
        if (row == null) {
            noteIfForeign(type, id);
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
            noteIfForeign(type, id);
            throw Problems.unresolvableReference(field, what);
        }
        return row;
    }

    /** For lookups made by a service's own query: counts the id if it belongs to another company. */
    public void noteIfForeign(Class<? extends CompanyOwned> type, long id) {
        probe.countIfElsewhere(type.getAnnotation(Table.class).name(), id);
    }
}
