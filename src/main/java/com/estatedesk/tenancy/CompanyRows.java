package com.estatedesk.tenancy;

import com.estatedesk.problem.Problems;
import jakarta.persistence.EntityManager;

/**
 * Looking up a company-owned row by id. The lookup is tenant-filtered, so another company's id and an
 * id that does not exist give the same answer: 404 when the id is in the path, 422 when in the body.
 */
public final class CompanyRows {

    private CompanyRows() {
    }

    public static <T extends CompanyOwned> T inPath(EntityManager em, Class<T> type, long id, String what) {
        T row = em.find(type, id);
        if (row == null) {
            throw Problems.notFound(what);
        }
        return row;
    }

    public static <T extends CompanyOwned> T inBody(EntityManager em, Class<T> type, Long id, String field, String what) {
        if (id == null) {
            throw Problems.invalid(field, "is required");
        }
        T row = em.find(type, id);
        if (row == null) {
            throw Problems.unresolvableReference(field, what);
        }
        return row;
    }
}
