package com.estatedesk.infra.mail;

import com.estatedesk.infra.database.Housekeeper;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/** Every second, on every instance: send what is due (instances share the work, each email goes once). */
@ApplicationScoped
public class MailHousekeeping implements Housekeeper {

    /** Sent emails are kept a week for operators ("was it sent?"), without their bodies. */
    private static final Duration KEEP_SENT = Duration.ofDays(7);

    @Inject
    Outbox outbox;

    @EJB
    OutboxSender sender;

    @Override
    public void everySecond() {
        if (outbox.sends()) {
            // A backlog drains in batches, each in its own short transaction, a few per second: the other
            // chores of this timer (revocations) must not wait behind it.
            for (int batch = 0; batch < 5 && sender.sendDue() > 0; batch++) {
                // sent one batch; try the next
            }
        }
    }

    @Override
    public String purge() {
        if (!outbox.sends()) {
            return "";
        }
        return sender.purgeSentBefore(Instant.now().minus(KEEP_SENT)) + " sent emails";
    }
}
