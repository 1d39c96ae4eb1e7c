package com.estatedesk.database;

import com.estatedesk.idempotency.IdempotencyPurge;
import com.estatedesk.security.LoginThrottle;
import com.estatedesk.security.Revocations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's recurring chores, on every instance (each is safe to run anywhere, any number of
 * times): read token revocations every second, so that a revocation on one instance takes effect on all
 * within seconds; and purge what has expired (Idempotency-Keys, login-attempt windows, old revocations)
 * every ESTATEDESK_PURGE_INTERVAL_SECONDS, so that those tables stay bounded.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
    private static final String POLL = "revocation poll";
    private static final String PURGE = "purge";

    @Resource
    TimerService timers;

    @Inject
    Revocations revocations;

    @EJB
    LoginThrottle logins;

    @EJB
    IdempotencyPurge idempotencyPurge;

    @Inject
    com.estatedesk.tenancy.UnknownIds unknownIds;

    @Inject
    @ConfigProperty(name = "estatedesk.purge.interval.seconds", defaultValue = "3600")
    long purgeIntervalSeconds;

    @PostConstruct
    // On the method itself: a @Startup singleton's @PostConstruct ignores the class's attribute, and
    // two non-XA datasources cannot share its default transaction.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        revocations.poll();
        timers.createIntervalTimer(1_000, 1_000, new TimerConfig(POLL, false));
        timers.createIntervalTimer(
                purgeIntervalSeconds * 1_000, purgeIntervalSeconds * 1_000, new TimerConfig(PURGE, false));
    }

    @Timeout
    void run(Timer timer) {
        if (POLL.equals(timer.getInfo())) {
            revocations.poll();
            return;
        }
        try {
            int keys = idempotencyPurge.expired();
            int attempts = logins.purgeStale();
            revocations.purge();
            unknownIds.purge();
            LOG.fine(() -> "Purged " + keys + " expired Idempotency-Keys and " + attempts + " login-attempt windows");
        } catch (RuntimeException e) {
            LOG.warning(() -> "Purge failed, next try in " + purgeIntervalSeconds + " s: " + e);
        }
    }
}
