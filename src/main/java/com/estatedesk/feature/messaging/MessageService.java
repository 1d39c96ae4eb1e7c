package com.estatedesk.feature.messaging;

import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.paging.Page;
import com.estatedesk.infra.paging.PageRequest;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.platform.security.Account;
import com.estatedesk.platform.tenancy.CompanyRows;
import com.estatedesk.platform.tenancy.CompanyScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Messages between the people of one company. Each caller sees its inbox and what it sent. */
@Stateless
@CompanyScoped
public class MessageService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CompanyRows rows;

    @Inject
    Caller caller;

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
        return MessageView.of(message);
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
        return Page.of(rows, page, Message::id, MessageView::of);
    }

    public MessageView find(long id) {
        return MessageView.of(visible(id));
    }

    /** Only the recipient marks a message read (or unread). */
    public MessageView markRead(long id, boolean read) {
        Message message = visible(id);
        if (message.recipientId() != caller.accountId()) {
            throw Problems.forbidden("Only the recipient can mark a message read.");
        }
        message.markRead(read);
        return MessageView.of(message);
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
