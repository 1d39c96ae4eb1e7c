package com.estatedesk.infra.mail;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.persistence.config.QueryHints;

/**
 * Sends what the outbox holds, through Jakarta Mail. Each batch is claimed with FOR UPDATE SKIP LOCKED
 * (V6_1) and stays locked until it is marked sent or failed in the same transaction: with any number of
 * instances, an email is sent by one of them, once. Only an instance that dies between the mail server's
 * "250 OK" and its commit sends it again, the one duplicate that no outbox can rule out.
 */
@Stateless
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final int BATCH = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    /** Sends one batch of due emails; answers how many went. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sendDue() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery(
                        "select id, recipient, subject, body, attempts from claim_outbox_emails(?1)")
                .setParameter(1, BATCH)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        Session session = Session.getInstance(settings.sessionProperties());
        int sent = 0;
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(settings.host(), settings.port(), settings.user().orElse(null), settings.password());
            for (Object[] email : due) {
                long id = ((Number) email[0]).longValue();
                try {
                    MimeMessage message = message(session, (String) email[1], (String) email[2], (String) email[3]);
                    transport.sendMessage(message, message.getAllRecipients());
                    mark("select outbox_email_sent(?1)", id, null);
                    sent++;
                } catch (MessagingException refused) {
                    // this recipient or message only: the others of the batch still go
                    failed(id, refused);
                }
            }
        } catch (MessagingException | IllegalStateException unreachable) {
            for (Object[] email : due.subList(sent, due.size())) {
                failed(((Number) email[0]).longValue(), unreachable);
            }
        }
        return sent;
    }

    /** Sent emails older than {@code before} are forgotten. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeSentBefore(Instant before) {
        return ((Number) em.createNativeQuery("select purge_outbox_emails(?1)")
                        .setParameter(1, Timestamp.from(before))
                        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                        .getSingleResult())
                .intValue();
    }

    /** How many emails wait, and since when (null when none): for operators' metrics. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Object[] backlog() {
        return (Object[]) em.createNativeQuery("select waiting, oldest from outbox_backlog()")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
    }

    private void failed(long id, Exception cause) {
        LOG.warning(() -> "Email " + id + " not sent, will retry: " + cause.getMessage());
        mark("select outbox_email_failed(?1, ?2)", id, String.valueOf(cause.getMessage()));
    }

    private void mark(String call, long id, String error) {
        var query = em.createNativeQuery(call).setParameter(1, id);
        if (error != null) {
            query.setParameter(2, error);
        }
        query.setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true).getSingleResult();
    }

    private MimeMessage message(Session session, String to, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        message.setSentDate(new Date());
        return message;
    }
}
