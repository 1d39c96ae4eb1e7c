package com.estatedesk.platform.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The timer of the daily audit, from ESTATEDESK_AUDIT_SCHEDULE: "second minute hour" in UTC, EJB
 * calendar syntax (default "0 30 2", 02:30:00 UTC; "0/20 * *" fires every 20 s, for trying it out).
 * Every instance keeps its own, non-persistent timer; {@link ScheduledAudit} lets the first firing of a
 * day run and the others do nothing, so the cluster audits once a day, with or without Hazelcast.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditSchedule {

    private static final Logger LOG = Logger.getLogger(AuditSchedule.class.getName());

    @Resource
    TimerService timers;

    @EJB
    ScheduledAudit audit;

    @Inject
    @ConfigProperty(name = "estatedesk.audit.schedule", defaultValue = "0 30 2")
    String schedule;

    @PostConstruct
    void start() {
        String[] fields = schedule.trim().split("\\s+");
        if (fields.length != 3) {
            throw new IllegalStateException(
                    "ESTATEDESK_AUDIT_SCHEDULE must be 'second minute hour', not '" + schedule + "'");
        }
        timers.createCalendarTimer(
                new ScheduleExpression()
                        .second(fields[0])
                        .minute(fields[1])
                        .hour(fields[2])
                        .timezone("UTC"),
                new TimerConfig("daily audit", false));
        LOG.info(() -> "Daily audit scheduled at '" + schedule + "' (second minute hour, UTC)");
    }

    @Timeout
    void fire() {
        audit.daily();
    }
}
