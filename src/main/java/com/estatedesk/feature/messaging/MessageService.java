package com.estatedesk.feature.messaging;

import com.estatedesk.feature.people.model.PersonSearch;
import com.estatedesk.feature.people.model.PersonStatus;
import com.estatedesk.feature.people.model.Visibility;
import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.paging.Page;
import com.estatedesk.infra.paging.PageRequest;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.infra.query.Jpql;
import com.estatedesk.infra.query.Jpql.Condition;
import com.estatedesk.platform.activity.ActivityLog;
import com.estatedesk.platform.activity.ActivityView.Subject;
import com.estatedesk.platform.security.Account;
import com.estatedesk.platform.tenancy.CompanyRows;
import com.estatedesk.platform.tenancy.CompanyScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Messages between the people of one company. Each caller sees its inbox and what it sent. */
@Stateless
@CompanyScoped
public class MessageService {

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

    public MessageView send(NewMessage request) {
        Account recipient = rows.inBody(Account.class, request.recipientId(), "recipientId", "account");
        if (recipient.id().equals(caller.accountId())) {
            throw Problems.invalid("recipientId", "must be someone else");
        }
        if (!recipient.isActive()) {
            throw Problems.unprocessable("recipientId", "The recipient's account is deactivated.");
        }
        if (caller.is(Role.CLIENT) && recipient.role() != Role.COMPANY_ADMIN && !isMarketerOfCaller(recipient)) {
            throw Problems.unprocessable(
                    "recipientId", "A client writes only to its own marketers and its company's admins.");
        }
        Message message = new Message(
                caller.accountId(),
                recipient.id(),
                request.type(),
                request.body().trim());
        em.persist(message);
        MessageView sent = view(message);
        activity.record(
                "MESSAGE_SENT",
                Subject.of(
                        "message",
                        message.id(),
                        request.type() + " to " + sent.recipient().name()),
                null);
        return sent;
    }

    /** Whether the recipient is the login of a marketer assigned to the calling client. */
    private boolean isMarketerOfCaller(Account recipient) {
        return recipient.role() == Role.MARKETER
                && !em.createQuery(
                                "select a.id from Assignment a, Client c, Marketer m"
                                        + " where c.accountId = :self and m.accountId = :recipient and a.clientId = c.id and a.marketerId = m.id")
                        .setParameter("self", caller.accountId())
                        .setParameter("recipient", recipient.id())
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty();
    }

    /** {@code box}: inbox, sent, or both (null). */
    public Page<MessageView> list(String box, PageRequest page) {
        String participant = switch (box == null ? "all" : box) {
            case "inbox" -> "m.recipientId = :me";
            case "sent" -> "m.senderId = :me";
            case "all" -> "(m.recipientId = :me or m.senderId = :me)";
            default -> throw Problems.invalid("box", "must be inbox or sent");
        };
        List<Message> rows = em.createQuery(
                        "select m from Message m where " + participant + " and m.id > :after order by m.id",
                        Message.class)
                .setParameter("me", caller.accountId())
                .setParameter("after", page.after())
                .setMaxResults(page.limit() + 1)
                .getResultList();
        Map<Long, MessageParty> parties = MessageParty.of(
                em,
                rows.stream()
                        .flatMap(m -> Stream.of(m.senderId(), m.recipientId()))
                        .toList());
        return Page.of(rows, page, Message::id, m -> MessageView.of(m, parties));
    }

    public MessageView find(long id) {
        return view(visible(id));
    }

    /** Only the recipient marks a message read (or unread). */
    public MessageView markRead(long id, boolean read) {
        Message message = visible(id);
        if (message.recipientId() != caller.accountId()) {
            throw Problems.forbidden("Only the recipient can mark a message read.");
        }
        message.markRead(read);
        activity.record(read ? "MESSAGE_READ" : "MESSAGE_UNREAD", Subject.of("message", message.id(), null), null);
        return view(message);
    }

    /**
     * Whom the caller may write to now, active logins only: a client, its own marketers and its
     * company's admins; anyone else, the admins, the marketers and the clients it sees. By account id;
     * {@code query} as for people (a company admin matches by name).
     */
    public Page<MessageParty> recipients(String query, PageRequest page) {
        List<MessageParty> found = new ArrayList<>();
        Condition search = PersonSearch.matching("p", query);
        Jpql admins = Jpql.select("select a.id, a.displayName from Account a")
                .and("a.role = :admin", "admin", Role.COMPANY_ADMIN)
                // A company admin's login is never deactivated (only people's are, with their status), and
                // a boolean comparison would fail on the demo's H2, where EclipseLink writes true as 1.
                .and("a.id <> :me", "me", caller.accountId())
                .and("a.id > :after", "after", page.after());
        if (search != Condition.ALWAYS) {
            admins.and(
                    "lower(a.displayName) like :contains escape '\\'",
                    "contains",
                    search.parameters().get("contains"));
        }
        admins.query(em, "a.id", Object[].class)
                .setMaxResults(page.limit() + 1)
                .getResultList()
                .forEach(row -> found.add(new MessageParty((Long) row[0], null, (String) row[1], Role.COMPANY_ADMIN)));
        for (Role role : new Role[] {Role.MARKETER, Role.CLIENT}) {
            if (caller.is(Role.CLIENT) && role == Role.CLIENT) {
                continue;
            }
            Jpql people = Jpql.select("select p.accountId, p.uid, p.name from "
                            + (role == Role.MARKETER ? "Marketer" : "Client") + " p")
                    // A person's login is active exactly while the person is (PeopleService.change).
                    .and("p.accountId is not null and p.status = :active", "active", PersonStatus.ACTIVE)
                    .and("p.accountId <> :me", "me", caller.accountId())
                    .and("p.accountId > :after", "after", page.after())
                    .and(search);
            if (role == Role.CLIENT) {
                people.and(visibility.ofClient("p.id"));
            } else if (caller.is(Role.CLIENT)) {
                people.and(
                        "p.id in (select x.marketerId from Assignment x, Client me where x.clientId = me.id and me.accountId = :me)",
                        "me",
                        caller.accountId());
            }
            people.query(em, "p.accountId", Object[].class)
                    .setMaxResults(page.limit() + 1)
                    .getResultList()
                    .forEach(row -> found.add(new MessageParty((Long) row[0], (String) row[1], (String) row[2], role)));
        }
        found.sort(Comparator.comparingLong(MessageParty::accountId));
        return Page.of(
                found.subList(0, Math.min(found.size(), page.limit() + 1)), page, MessageParty::accountId, p -> p);
    }

    private MessageView view(Message message) {
        return MessageView.of(message, MessageParty.of(em, List.of(message.senderId(), message.recipientId())));
    }

    private Message visible(long id) {
        Message message = em.find(Message.class, id);
        if (message == null) {
            rows.noteUnknown(Message.class, id);
        }
        if (message == null
                || message.senderId() != caller.accountId() && message.recipientId() != caller.accountId()) {
            throw Problems.notFound("message");
        }
        return message;
    }
}
