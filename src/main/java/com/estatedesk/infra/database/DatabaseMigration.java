package com.estatedesk.infra.database;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the schema before the application serves anything. Runs as the schema owner
 * ({@link Database#ownerConnectionAtStartUp()}); the application itself connects as a role with DML grants only.
 * A failed migration fails the deployment, and readiness stays DOWN.
 */
@Startup
@Singleton
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Inject
    Database database;

    @Inject
    Event<SchemaMigrated> migrated;

    /** The schema version this build migrated to; null until the migration succeeded. */
    private volatile String expectedVersion;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway manages its own transactions
    void migrate() {
        Database.Description app = database.describe();
        Flyway flyway = flyway(app);
        MigrateResult result = flyway.migrate();
        if (app.postgreSql()) {
            try (Connection owner = database.ownerConnectionAtStartUp()) {
                migrated.fire(new SchemaMigrated(owner, app.user()));
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot connect as the schema owner after migrating", e);
            }
        }
        expectedVersion = flyway.info().current().getVersion().getVersion();
        LOG.info("Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now); row-level security: " + database.rowLevelSecurity());
    }

    private Flyway flyway(Database.Description app) {
        String vendor = app.postgreSql() ? "postgresql" : "h2";
        return Flyway.configure(getClass().getClassLoader())
                .dataSource(database.ownerDataSourceForMigration())
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .placeholders(Map.of("app_user", app.user()))
                .load();
    }

    /**
     * True when this instance migrated successfully and the database is at that version or a later one. One
     * small query on the caller's connection: readiness probes come often, and scanning the migrations
     * on each would be wasted work.
     */
    public boolean isUpToDate(Connection connection) throws SQLException {
        String expected = expectedVersion;
        if (expected == null) {
            return false;
        }
        try (PreparedStatement latest = connection.prepareStatement("select version from flyway_schema_history"
                        + " where success and version is not null order by installed_rank desc");
                ResultSet row = latest.executeQuery()) {
            // Ahead is ready too: during a rolling upgrade the first new instance migrates while this one
            // still serves, and every migration only expands (docs/operations.md, "Rolling upgrades").
            return row.next()
                    && MigrationVersion.fromVersion(row.getString(1)).compareTo(MigrationVersion.fromVersion(expected))
                            >= 0;
        }
    }
}
