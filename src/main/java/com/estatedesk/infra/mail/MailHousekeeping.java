package com.estatedesk.infra.mail;

import com.estatedesk.infra.database.Housekeeper;
import com.estatedesk.infra.metrics.AppMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Every second, on every instance: send what is due (instances share the work, each email goes once). */
@ApplicationScoped
public class MailHousekeeping implements Housekeeper {

    /** Sent emails are kept a week for operators ("was it sent?"), without their bodies. */
    private static final Duration KEEP_SENT = Duration.ofDays(7);

    @Inject
    Outbox outbox;

    @EJB
    OutboxSender sender;

    @Inject
    AppMetrics metrics;

    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private int ticks;

    @PostConstruct
    void describe() {
        metrics.gauge("estatedesk.outbox.waiting", "Emails waiting in the outbox (not sent yet)", waiting::get);
        metrics.gauge(
                "estatedesk.outbox.oldest.age.seconds",
                "Age of the oldest email not sent yet; 0 when none waits",
                oldestAgeSeconds::get);
    }

    @Override
    public void everySecond() {
        if (outbox.sends() && ticks++ % 15 == 0) {
            Object[] backlog = sender.backlog();
            waiting.set(((Number) backlog[0]).longValue());
            oldestAgeSeconds.set(
                    backlog[1] == null
                            ? 0
                            : Math.max(
                                    0,
                                    Duration.between(toInstant(backlog[1]), Instant.now())
                                            .toSeconds()));
        }
        if (outbox.sends()) {
            // A backlog drains in batches, each in its own short transaction, a few per second: the other
            // chores of this timer (revocations) must not wait behind it.
            for (int batch = 0; batch < 5 && sender.sendDue() > 0; batch++) {
                // sent one batch; try the next
            }
        }
    }

    private static Instant toInstant(Object timestamp) {
        return timestamp instanceof java.sql.Timestamp sql
                ? sql.toInstant()
                : ((java.time.OffsetDateTime) timestamp).toInstant();
    }

    @Override
    public String purge() {
        if (!outbox.sends()) {
            return "";
        }
        return sender.purgeSentBefore(Instant.now().minus(KEEP_SENT)) + " sent emails";
    }
}
