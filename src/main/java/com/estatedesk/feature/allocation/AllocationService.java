package com.estatedesk.feature.allocation;

import com.estatedesk.feature.estate.Estate;
import com.estatedesk.feature.estate.EstatePlot;
import com.estatedesk.feature.estate.EstatePlotNumber;
import com.estatedesk.feature.estate.EstateRef;
import com.estatedesk.feature.estate.EstateReferences;
import com.estatedesk.feature.estate.PlotNumber;
import com.estatedesk.feature.estate.PlotNumberView;
import com.estatedesk.feature.estate.PlotSize;
import com.estatedesk.feature.estate.PlotSizeView;
import com.estatedesk.feature.people.model.Client;
import com.estatedesk.feature.people.model.PersonRef;
import com.estatedesk.feature.people.model.PersonStatus;
import com.estatedesk.feature.people.model.Visibility;
import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.paging.Page;
import com.estatedesk.infra.paging.PageRequest;
import com.estatedesk.infra.problem.Conflict;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.infra.query.Jpql;
import com.estatedesk.infra.query.Jpql.Condition;
import com.estatedesk.platform.activity.ActivityLog;
import com.estatedesk.platform.activity.ActivityView.Subject;
import com.estatedesk.platform.tenancy.CompanyRows;
import com.estatedesk.platform.tenancy.CompanyScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/** Allocating plots to clients: units never below zero, a plot number at most once per estate. */
@Stateless
@CompanyScoped
public class AllocationService {

    @jakarta.inject.Inject
    ActivityLog activity;

    @PersistenceContext
    EntityManager em;

    @Inject
    CompanyRows rows;

    @Inject
    Caller caller;

    @Inject
    Visibility visibility;

    /**
     * Everything is checked first; then the estate plot's row is locked (SELECT … FOR UPDATE) and a
     * unit taken. Racing allocations of the same plot queue on that lock: exactly as many succeed as
     * there are units, the rest get 409.
     */
    public AllocationView allocatePlot(NewAllocation request) {
        if (caller.is(Role.MARKETER) && !callerIsActiveMarketer()) {
            // Its token dies with the deactivation already; this holds even for a token verified a moment before.
            throw Problems.forbidden("A deactivated marketer cannot allocate plots.");
        }
        Client client = rows.inBody(Client.class, request.clientId(), "clientId", "client");
        if (!visibleToCaller(client.id())) {
            throw Problems.unresolvableReference("clientId", "client");
        }
        if (client.status() != PersonStatus.ACTIVE) {
            throw Problems.unprocessable(
                    "clientId", "The client is deactivated; reactivate it before allocating to it.");
        }
        Estate estate = rows.inBody(Estate.class, request.estateId(), "estateId", "estate");
        PlotSize plotSize = rows.inBody(PlotSize.class, request.plotSizeId(), "plotSizeId", "plot size");
        if (request.paymentType() == PaymentType.FULL && request.plotNumberId() == null) {
            throw Problems.invalid("plotNumberId", "is required for FULL payment");
        }
        // What does not change under concurrent allocations is read before the lock.
        PlotNumber number = request.plotNumberId() == null
                ? null
                : rows.inBody(PlotNumber.class, request.plotNumberId(), "plotNumberId", "plot number");
        boolean numberLaidOut = number != null
                && !em.createNamedQuery(EstatePlotNumber.IN_ESTATE_PLOT)
                        .setParameter("estate", estate.id())
                        .setParameter("size", plotSize.id())
                        .setParameter("number", number.id())
                        .getResultList()
                        .isEmpty();
        List<EstatePlot> plots = em.createNamedQuery(EstatePlot.OF_ESTATE_AND_SIZE, EstatePlot.class)
                .setParameter("estate", estate.id())
                .setParameter("size", plotSize.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (plots.isEmpty()) {
            throw Problems.unresolvableReference("plotSizeId", "plot of this size in this estate");
        }
        EstatePlot plot = plots.get(0);
        Long plotNumberId = null;
        if (number != null) {
            if (!numberLaidOut) {
                throw Problems.unresolvableReference("plotNumberId", "plot number in this estate plot");
            }
            if (!em.createQuery("select a.id from Allocation a where a.estateId = :estate and a.plotNumberId = :number")
                    .setParameter("estate", estate.id())
                    .setParameter("number", number.id())
                    .getResultList()
                    .isEmpty()) {
                throw Conflict.PLOT_NUMBER_ALLOCATED.problem();
            }
            plotNumberId = number.id();
        }
        plot.takeUnit();
        Allocation allocation =
                new Allocation(client.id(), estate.id(), plot.id(), plotNumberId, request.paymentType());
        em.persist(allocation);
        activity.record(
                "ALLOCATED",
                Subject.of(
                        "allocation",
                        allocation.id(),
                        PlotSizeView.of(plotSize).size()
                                + (number == null
                                        ? ""
                                        : ", plot " + PlotNumberView.of(number).number())
                                + " in " + EstateRef.of(estate).name()),
                "to " + client.name() + " (" + client.uid() + "), " + allocation.paymentType());
        return new AllocationView(
                allocation.id(),
                client.id(),
                estate.id(),
                plotSize.id(),
                plotNumberId,
                PersonRef.of(client),
                EstateRef.of(estate),
                PlotSizeView.of(plotSize),
                number == null ? null : PlotNumberView.of(number),
                allocation.paymentType(),
                allocation.createdAt());
    }

    public AllocationView find(long id) {
        List<Object[]> found = select(null, null, null, id, new PageRequest(1, 0));
        if (found.isEmpty()) {
            rows.noteUnknown(Allocation.class, id);
            throw Problems.notFound("allocation");
        }
        return views(found, new PageRequest(1, 0)).items().get(0);
    }

    /** {@code marketerId}: only the allocations of the clients assigned to that marketer. */
    public Page<AllocationView> list(Long clientId, Long estateId, Long marketerId, PageRequest page) {
        return views(select(clientId, estateId, marketerId, null, page), page);
    }

    /** Rows of (allocation, plot size id), each with its readable references, looked up once per page. */
    private Page<AllocationView> views(List<Object[]> rows, PageRequest page) {
        List<Allocation> allocations =
                rows.stream().map(row -> (Allocation) row[0]).toList();
        Map<Long, PersonRef> clients = PersonRef.clients(
                em, allocations.stream().map(Allocation::clientId).toList());
        Map<Long, EstateRef> estates = EstateReferences.estates(
                em, allocations.stream().map(Allocation::estateId).toList());
        Map<Long, PlotSizeView> sizes = EstateReferences.plotSizes(
                em, rows.stream().map(row -> (Long) row[1]).toList());
        Map<Long, PlotNumberView> numbers = EstateReferences.plotNumbers(
                em, allocations.stream().map(Allocation::plotNumberId).toList());
        return Page.of(rows, page, row -> ((Allocation) row[0]).id(), row -> {
            Allocation allocation = (Allocation) row[0];
            long plotSizeId = (Long) row[1];
            return new AllocationView(
                    allocation.id(),
                    allocation.clientId(),
                    allocation.estateId(),
                    plotSizeId,
                    allocation.plotNumberId(),
                    clients.get(allocation.clientId()),
                    estates.get(allocation.estateId()),
                    sizes.get(plotSizeId),
                    allocation.plotNumberId() == null ? null : numbers.get(allocation.plotNumberId()),
                    allocation.paymentType(),
                    allocation.createdAt());
        });
    }

    /** Allocations the caller may see: those of the clients it sees ({@link Visibility}). */
    private List<Object[]> select(Long clientId, Long estateId, Long marketerId, Long allocationId, PageRequest page) {
        return Jpql.select("select a, p.plotSizeId from Allocation a, EstatePlot p")
                .and(Condition.of("p.id = a.estatePlotId and a.id > :after", "after", page.after()))
                .andIfPresent("a.id = :id", "id", allocationId)
                .andIfPresent("a.clientId = :client", "client", clientId)
                .andIfPresent("a.estateId = :estate", "estate", estateId)
                .andIfPresent(
                        "a.clientId in (select ma.clientId from Assignment ma where ma.marketerId = :marketer)",
                        "marketer",
                        marketerId)
                .and(visibility.ofClient("a.clientId"))
                .query(em, "a.id", Object[].class)
                .setMaxResults(page.limit() + 1)
                .getResultList();
    }

    private boolean callerIsActiveMarketer() {
        return !em.createQuery("select m.id from Marketer m where m.accountId = :self and m.status = :active")
                .setParameter("self", caller.accountId())
                .setParameter("active", PersonStatus.ACTIVE)
                .getResultList()
                .isEmpty();
    }

    private boolean visibleToCaller(long clientId) {
        Condition visible = visibility.ofClient("c.id");
        return visible == Condition.ALWAYS
                || !Jpql.select("select c.id from Client c")
                        .and("c.id = :client", "client", clientId)
                        .and(visible)
                        .query(em, "c.id", Long.class)
                        .getResultList()
                        .isEmpty();
    }
}
