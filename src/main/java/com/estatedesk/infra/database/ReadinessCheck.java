package com.estatedesk.infra.database;

import com.estatedesk.infra.metrics.AppMetrics;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: this application is deployed (this bean exists only then), the database answers, the
 * schema is migrated to what this build expects, and on PostgreSQL row-level security applies to the
 * application role (or ESTATEDESK_ALLOW_RLS_BYPASS=true says the operator accepts that it does not). Payara Micro says "ready" even when the WAR failed
 * to deploy; this check does not.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @EJB
    DatabaseMigration migration;

    @Inject
    Database database;

    /**
     * estatedesk_ready (1 or 0): this check's answer, read at every scrape, so that an alert can say
     * "not ready for a minute" without a probe of its own (server-config/prometheus).
     */
    void publishAsMetric(@Observes @Initialized(ApplicationScoped.class) Object started, AppMetrics metrics) {
        metrics.gauge(
                "estatedesk.ready",
                "1 while this instance's readiness check passes, 0 otherwise",
                () -> call().getStatus() == HealthCheckResponse.Status.UP ? 1 : 0);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("estatedesk-database");
        // Database's datasource: WildFly calls this check on a management thread, outside the WAR's java:comp.
        try (Connection connection = database.dataSource().getConnection()) {
            boolean reachable = connection.isValid(2);
            boolean migrated = reachable && migration.isUpToDate(connection);
            Database.Description db = database.describe();
            // Read at every probe, not once at start-up: BYPASSRLS or a membership granted later counts too.
            String rowLevelSecurity = reachable ? database.rowLevelSecurity(connection) : "unknown";
            java.util.Optional<String> isolationDefect = database.isolationDefect(rowLevelSecurity);
            isolationDefect.ifPresent(reason -> response.withData("reason", reason));
            // No product or version: /health answers anyone (the start-up log names the database).
            return response.status(reachable && migrated && isolationDefect.isEmpty())
                    .withData("embeddedDemo", !db.postgreSql())
                    .withData("migrated", migrated)
                    .withData("rowLevelSecurity", rowLevelSecurity)
                    .build();
        } catch (Exception unreachable) {
            return response.down()
                    .withData("error", unreachable.getClass().getSimpleName())
                    .build();
        }
    }
}
