package com.estatedesk.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Migrates the schema before the application serves anything. Runs as the schema owner
 * (jdbc/estatedesk-migration); the application itself connects as a role with DML grants only.
 * A failed migration fails the deployment, and readiness stays DOWN.
 */
@Startup
@Singleton
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(name = "jdbc/estatedesk-migration")
    DataSource ownerDataSource;

    @Inject
    Database database;

    private volatile boolean migrated;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway manages its own transactions
    void migrate() {
        Database.Description app = database.describe();
        MigrateResult result = flyway(app).migrate();
        migrated = true;
        LOG.info("Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now); row-level security: " + database.rowLevelSecurity());
    }

    private Flyway flyway(Database.Description app) {
        String vendor = app.postgreSql() ? "postgresql" : "h2";
        return Flyway.configure(getClass().getClassLoader())
                .dataSource(ownerDataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .placeholders(Map.of("app_user", app.user()))
                .load();
    }

    /** True when this instance migrated successfully and no migration it knows of is pending. */
    public boolean isUpToDate() {
        if (!migrated) {
            return false;
        }
        MigrationInfo[] pending = flyway(database.describe()).info().pending();
        return pending.length == 0;
    }
}
