package com.estatedesk.feature.assignment;

import com.estatedesk.feature.people.model.Client;
import com.estatedesk.feature.people.model.Marketer;
import com.estatedesk.feature.people.model.PersonKind;
import com.estatedesk.feature.people.model.PersonRef;
import com.estatedesk.feature.people.model.PersonStatus;
import com.estatedesk.infra.paging.Page;
import com.estatedesk.infra.paging.PageRequest;
import com.estatedesk.infra.problem.Conflict;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.infra.query.Jpql;
import com.estatedesk.platform.activity.ActivityLog;
import com.estatedesk.platform.idempotency.Idempotent;
import com.estatedesk.platform.tenancy.CompanyRows;
import com.estatedesk.platform.tenancy.CompanyScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which marketer looks after which client, within the caller's company. */
@Stateless
@CompanyScoped
public class AssignmentService {

    @Inject
    ActivityLog activity;

    @PersistenceContext
    EntityManager em;

    @Inject
    CompanyRows rows;

    @Idempotent
    public AssignmentView assignClientToMarketer(NewAssignment request) {
        Client client = rows.inBody(Client.class, request.clientId(), "clientId", "client");
        if (client.status() != PersonStatus.ACTIVE) {
            throw Problems.unprocessable("clientId", "The client is deactivated; reactivate it before assigning it.");
        }
        Marketer marketer = rows.inBody(Marketer.class, request.marketerId(), "marketerId", "marketer");
        // Serializes with a reassignment of the same marketer, which must not leave a client behind.
        em.lock(marketer, LockModeType.PESSIMISTIC_WRITE);
        if (marketer.status() != PersonStatus.ACTIVE) {
            throw Problems.conflict("The marketer is deactivated; assign the client to an active marketer.");
        }
        if (isAssigned(client.id(), marketer.id())) {
            throw Conflict.ASSIGNMENT.problem();
        }
        Assignment assignment = new Assignment(client.id(), marketer.id());
        em.persist(assignment);
        activity.record(
                "ASSIGNED",
                PersonKind.CLIENT.subject(client),
                "to marketer " + marketer.name() + " (" + marketer.uid() + ")");
        return AssignmentView.of(assignment, PersonRef.of(client), PersonRef.of(marketer));
    }

    public Page<AssignmentView> list(Long clientId, Long marketerId, PageRequest page) {
        TypedQuery<Assignment> query = Jpql.select("select a from Assignment a")
                .and("a.id > :after", "after", page.after())
                .andIfPresent("a.clientId = :client", "client", clientId)
                .andIfPresent("a.marketerId = :marketer", "marketer", marketerId)
                .query(em, "a.id", Assignment.class)
                .setMaxResults(page.limit() + 1);
        List<Assignment> found = query.getResultList();
        Map<Long, PersonRef> clients =
                PersonRef.clients(em, found.stream().map(Assignment::clientId).toList());
        Map<Long, PersonRef> marketers = PersonRef.marketers(
                em, found.stream().map(Assignment::marketerId).toList());
        return Page.of(
                found,
                page,
                Assignment::id,
                a -> AssignmentView.of(a, clients.get(a.clientId()), marketers.get(a.marketerId())));
    }

    public void unassign(long assignmentId) {
        Assignment assignment = rows.inPath(Assignment.class, assignmentId, "assignment");
        Client client = em.find(Client.class, assignment.clientId());
        Marketer marketer = em.find(Marketer.class, assignment.marketerId());
        em.remove(assignment);
        activity.record(
                "UNASSIGNED",
                PersonKind.CLIENT.subject(client),
                "from marketer " + marketer.name() + " (" + marketer.uid() + ")");
    }

    /**
     * Moves every client of one marketer to another, in one transaction. A client the target already
     * looks after just loses the old assignment.
     */
    public Reassignment.Result reassignClients(long fromMarketerId, Reassignment request) {
        Marketer from = rows.inPath(Marketer.class, fromMarketerId, "marketer");
        Marketer to = rows.inBody(Marketer.class, request.toMarketerId(), "toMarketerId", "marketer");
        if (from.id().equals(to.id())) {
            throw Problems.invalid("toMarketerId", "must be another marketer");
        }
        if (to.status() != PersonStatus.ACTIVE) {
            throw Problems.conflict("The target marketer is deactivated.");
        }
        em.lock(from, LockModeType.PESSIMISTIC_WRITE);
        em.lock(to, LockModeType.PESSIMISTIC_WRITE);
        Set<Long> alreadyWithTarget =
                new HashSet<>(em.createQuery("select a.clientId from Assignment a where a.marketerId = :to", Long.class)
                        .setParameter("to", to.id())
                        .getResultList());
        int moved = 0;
        int already = 0;
        for (Assignment assignment : assignmentsOf(from.id())) {
            if (alreadyWithTarget.contains(assignment.clientId())) {
                em.remove(assignment);
                already++;
            } else {
                assignment.moveTo(to.id());
                moved++;
            }
        }
        activity.record(
                "REASSIGNED",
                PersonKind.MARKETER.subject(from),
                moved + already + " clients to " + to.name() + " (" + to.uid() + ")");
        return new Reassignment.Result(from.id(), to.id(), moved, already);
    }

    private List<Assignment> assignmentsOf(long marketerId) {
        return em.createQuery("select a from Assignment a where a.marketerId = :marketer", Assignment.class)
                .setParameter("marketer", marketerId)
                .getResultList();
    }

    private boolean isAssigned(long clientId, long marketerId) {
        return !em.createQuery("select a.id from Assignment a where a.clientId = :client and a.marketerId = :marketer")
                .setParameter("client", clientId)
                .setParameter("marketer", marketerId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
