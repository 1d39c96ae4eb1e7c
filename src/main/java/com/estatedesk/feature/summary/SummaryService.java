package com.estatedesk.feature.summary;

import com.estatedesk.feature.allocation.PaymentType;
import com.estatedesk.feature.estate.EstateRef;
import com.estatedesk.feature.people.model.PersonRef;
import com.estatedesk.feature.people.model.PersonStatus;
import com.estatedesk.platform.tenancy.CompanyScoped;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of the caller's company only: every query runs under the tenant filter and row-level security. */
@Stateless
@CompanyScoped
public class SummaryService {

    @PersistenceContext
    EntityManager em;

    /** At most this many marketers are listed, those with the most clients first. */
    static final int MARKETERS_LISTED = 50;

    public CompanySummary summary() {
        Object[] units = em.createQuery(
                        "select coalesce(sum(p.totalUnits), 0), coalesce(sum(p.availableUnits), 0) from EstatePlot p",
                        Object[].class)
                .getSingleResult();
        OffsetDateTime weekAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(7);
        return new CompanySummary(
                count("Marketer"),
                count("Client"),
                count("Estate"),
                ((Number) units[0]).longValue(),
                ((Number) units[1]).longValue(),
                count("Allocation"),
                new CompanySummary.Registrations(since("Marketer", weekAgo), since("Client", weekAgo)),
                allocationsByPaymentType(),
                estateUnits(),
                marketerFigures());
    }

    private long since(String entity, OffsetDateTime from) {
        return em.createQuery("select count(e) from " + entity + " e where e.createdAt >= :from", Long.class)
                .setParameter("from", from)
                .getSingleResult();
    }

    private Map<String, Long> allocationsByPaymentType() {
        Map<String, Long> byType = new LinkedHashMap<>();
        for (PaymentType type : PaymentType.values()) {
            byType.put(type.name(), 0L);
        }
        em.createQuery("select a.paymentType, count(a) from Allocation a group by a.paymentType", Object[].class)
                .getResultList()
                .forEach(row -> byType.put(((PaymentType) row[0]).name(), (Long) row[1]));
        return byType;
    }

    private List<CompanySummary.EstateUnits> estateUnits() {
        Map<Long, Object[]> plots = new HashMap<>();
        em.createQuery(
                        "select p.estateId, sum(p.totalUnits), sum(p.availableUnits) from EstatePlot p group by p.estateId",
                        Object[].class)
                .getResultList()
                .forEach(row -> plots.put((Long) row[0], row));
        return em
                .createQuery("select e.id, e.name from Estate e order by e.name", Object[].class)
                .getResultList()
                .stream()
                .map(row -> {
                    Object[] sums = plots.get((Long) row[0]);
                    long total = sums == null ? 0 : ((Number) sums[1]).longValue();
                    long available = sums == null ? 0 : ((Number) sums[2]).longValue();
                    return new CompanySummary.EstateUnits(
                            new EstateRef((Long) row[0], (String) row[1]), total, total - available, available);
                })
                .toList();
    }

    private List<CompanySummary.MarketerFigures> marketerFigures() {
        Map<Long, Long> clients = counts("select a.marketerId, count(a) from Assignment a group by a.marketerId");
        Map<Long, Long> allocations = counts("select a.marketerId, count(al) from Assignment a, Allocation al"
                + " where al.clientId = a.clientId group by a.marketerId");
        return em
                .createQuery("select m.id, m.uid, m.name from Marketer m where m.status = :active", Object[].class)
                .setParameter("active", PersonStatus.ACTIVE)
                .getResultList()
                .stream()
                .map(row -> new CompanySummary.MarketerFigures(
                        new PersonRef((Long) row[0], (String) row[1], (String) row[2]),
                        clients.getOrDefault((Long) row[0], 0L),
                        allocations.getOrDefault((Long) row[0], 0L)))
                .sorted(Comparator.comparingLong(CompanySummary.MarketerFigures::clients)
                        .reversed()
                        .thenComparing(figures -> figures.marketer().uid()))
                .limit(MARKETERS_LISTED)
                .toList();
    }

    private Map<Long, Long> counts(String groupedByIdQuery) {
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery(groupedByIdQuery, Object[].class)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    private long count(String entity) {
        return em.createQuery("select count(e) from " + entity + " e", Long.class)
                .getSingleResult();
    }
}
