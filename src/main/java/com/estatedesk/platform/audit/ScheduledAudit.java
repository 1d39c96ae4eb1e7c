package com.estatedesk.platform.audit;

import com.estatedesk.infra.database.Database;
import com.estatedesk.infra.metrics.AppMetrics;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The daily whole-system audit. Every instance's timer fires; the database decides which one runs it
 * (scheduled_run), so it runs once per day for the whole cluster. Its result is logged and exported
 * as estatedesk_audit_defects{check} for alerting.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduledAudit {

    private static final Logger LOG = Logger.getLogger(ScheduledAudit.class.getName());
    static final String JOB = "daily-audit";

    @EJB
    AuditService audit;

    @Inject
    AppMetrics metrics;

    @Inject
    Database database;

    /** Called by {@link AuditSchedule}'s timer on every instance. */
    public void daily() {
        runIfUnclaimed(LocalDate.now(ZoneOffset.UTC));
    }

    /** Runs the audit unless another instance already did for {@code day}; returns the report if it ran. */
    public Optional<AuditReport> runIfUnclaimed(LocalDate day) {
        if (!claim(day)) {
            LOG.info(() -> "Daily audit of " + day + " already claimed by another instance");
            return Optional.empty();
        }
        AuditReport report = audit.audit(null);
        report.checks().forEach(check -> metrics.auditResult(check.name(), check.defects()));
        LOG.info(() -> "Daily audit of " + day + ": "
                + (report.ok()
                        ? "all " + report.checks().size() + " checks green"
                        : "FAILED "
                                + report.checks().stream()
                                        .filter(c -> !c.ok())
                                        .map(AuditReport.Check::name)
                                        .toList()));
        return Optional.of(report);
    }

    private boolean claim(LocalDate day) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into scheduled_run (job, run_on, claimed_by, claimed_at) values (?, ?, ?, ?)")) {
            insert.setString(1, JOB);
            insert.setDate(2, Date.valueOf(day));
            insert.setString(3, instanceName());
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false; // another instance claimed it
            }
            throw new IllegalStateException("Cannot claim the daily audit", e);
        }
    }

    private static String instanceName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/"
                    + ProcessHandle.current().pid();
        } catch (Exception unknown) {
            return "pid " + ProcessHandle.current().pid();
        }
    }
}
