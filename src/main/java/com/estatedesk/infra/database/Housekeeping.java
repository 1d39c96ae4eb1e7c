package com.estatedesk.infra.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The timers behind every owner's recurring chores ({@link Housekeeper}), on every instance: every
 * second (token revocations, so that one on another instance takes effect here within seconds), and
 * every ESTATEDESK_PURGE_INTERVAL_SECONDS (what has expired: Idempotency-Keys, login-attempt windows, old
 * revocations, ...), so that those tables stay bounded. One owner's failure does not stop the others.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
    private static final String POLL = "every second";
    private static final String PURGE = "purge";

    @Resource
    TimerService timers;

    @Inject
    @Any
    Instance<Housekeeper> housekeepers;

    @Inject
    @ConfigProperty(name = "estatedesk.purge.interval.seconds", defaultValue = "3600")
    long purgeIntervalSeconds;

    @PostConstruct
    // On the method itself: a @Startup singleton's @PostConstruct ignores the class's attribute, and
    // two non-XA datasources cannot share its default transaction.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        housekeepers.forEach(Housekeeper::everySecond);
        timers.createIntervalTimer(1_000, 1_000, new TimerConfig(POLL, false));
        timers.createIntervalTimer(
                purgeIntervalSeconds * 1_000, purgeIntervalSeconds * 1_000, new TimerConfig(PURGE, false));
    }

    /** The chores failing now, by owner and kind: a failure is logged when it starts and when it ends, not every second. */
    private final Set<String> failing = new HashSet<>();

    @Timeout
    void run(Timer timer) {
        boolean poll = POLL.equals(timer.getInfo());
        for (Housekeeper housekeeper : housekeepers) {
            String chore = housekeeper.getClass().getSimpleName().replaceAll("\\$.*", "")
                    + (poll ? " (every second)" : " (purge)");
            try {
                if (poll) {
                    housekeeper.everySecond();
                } else {
                    String purged = housekeeper.purge();
                    LOG.fine(() -> "Purged " + purged);
                }
                if (failing.remove(chore)) {
                    LOG.info(() -> chore + " works again.");
                }
            } catch (RuntimeException e) {
                if (failing.add(chore)) {
                    LOG.warning(() -> chore + " failed; tried again at every tick, logged again when it works: " + e);
                }
            }
        }
    }
}
