package com.estatedesk.feature.summary;

import com.estatedesk.platform.tenancy.CompanyScoped;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Counts of the caller's company only: every query runs under the tenant filter and row-level security. */
@Stateless
@CompanyScoped
public class SummaryService {

    @PersistenceContext
    EntityManager em;

    public CompanySummary summary() {
        Object[] units = em.createQuery(
                        "select coalesce(sum(p.totalUnits), 0), coalesce(sum(p.availableUnits), 0) from EstatePlot p",
                        Object[].class)
                .getSingleResult();
        return new CompanySummary(
                count("Marketer"),
                count("Client"),
                count("Estate"),
                ((Number) units[0]).longValue(),
                ((Number) units[1]).longValue(),
                count("Allocation"));
    }

    private long count(String entity) {
        return em.createQuery("select count(e) from " + entity + " e", Long.class)
                .getSingleResult();
    }
}
