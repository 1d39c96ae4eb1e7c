package com.estatedesk.infra.mail;

import com.estatedesk.infra.database.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import org.eclipse.persistence.config.QueryHints;

/**
 * Email to send, written in the caller's transaction: it goes when that transaction commits and never
 * when it rolls back, and a mail server that is down only delays it ({@link OutboxSender} retries).
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    @Inject
    Database database;

    /** Whether email is sent at all: SMTP configured, on PostgreSQL (the embedded demo shows links instead). */
    public boolean sends() {
        return settings.isConfigured() && database.isPostgreSql();
    }

    /** Queues one plain-text email; answers false, and queues nothing, when this service sends no email. */
    public boolean enqueue(String recipient, String subject, String body) {
        if (!sends()) {
            return false;
        }
        Timestamp now = Timestamp.from(Instant.now());
        em.createNativeQuery("insert into outbox_email (id, recipient, subject, body, attempts, next_attempt_at,"
                        + " created_at) values (nextval('outbox_email_id_seq'), ?1, ?2, ?3, 0, ?4, ?4)")
                .setParameter(1, recipient)
                .setParameter(2, subject)
                .setParameter(3, body)
                .setParameter(4, now)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
        return true;
    }
}
