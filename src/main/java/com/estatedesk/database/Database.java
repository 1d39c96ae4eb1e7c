package com.estatedesk.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which database the service runs on, the settings that depend on it, and the one home of its two
 * datasources: the application role's (what every request uses, under row-level security) and the
 * schema owner's (start-up only).
 */
@ApplicationScoped
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    // A lookup of the WAR's own reference (web.xml, mapped per server): in a CDI bean WildFly would
    // otherwise inject its default datasource for a plain @Resource(name=...).
    @Resource(lookup = "java:comp/env/jdbc/estatedesk")
    DataSource dataSource;

    @Resource(lookup = "java:comp/env/jdbc/estatedesk-migration")
    DataSource ownerDataSource;

    @Inject
    @ConfigProperty(name = "estatedesk.lock.timeout.ms", defaultValue = "5000")
    long lockTimeoutMillis;

    /** ESTATEDESK_ALLOW_RLS_BYPASS=true: the operator accepts running with row-level security not applying. */
    @Inject
    @ConfigProperty(name = "estatedesk.allow.rls.bypass", defaultValue = "false")
    boolean allowRlsBypass;

    private volatile Description description;
    private volatile String rowLevelSecurity;

    public record Description(String product, String version, String user, boolean postgreSql) {}

    /** The application's datasource (jdbc/estatedesk), for the few plain-JDBC readers. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A connection as the <b>schema owner</b> (jdbc/estatedesk-migration, {@code DB_OWNER_USER}).
     * <b>Row-level security does not apply to it</b>: it sees and may change every company's rows, and
     * the private signing keys. Only for start-up work that needs the owner: migrating, installing the
     * audit functions, creating and publishing the signing key. Never call it while serving a request;
     * what a request needs from every company goes through a SECURITY DEFINER function instead.
     */
    public Connection ownerConnectionAtStartUp() throws SQLException {
        return ownerDataSource.getConnection();
    }

    /** The owner's datasource itself, for Flyway; the warning of {@link #ownerConnectionAtStartUp()} applies. */
    DataSource ownerDataSourceForMigration() {
        return ownerDataSource;
    }

    public boolean isPostgreSql() {
        return describe().postgreSql();
    }

    /** How long a transaction waits for a row lock (a company's sequence) before giving up with 503. */
    public long lockTimeoutMillis() {
        return lockTimeoutMillis;
    }

    /**
     * Whether PostgreSQL row-level security applies to the application's connections: not for a
     * superuser, a BYPASSRLS role, or the owner of the tables (RLS is not FORCEd on the owner). Read
     * after the migration; logged loudly and reported by readiness when it does not apply.
     */
    public String rowLevelSecurity() {
        String known = rowLevelSecurity;
        if (known != null) {
            return known;
        }
        if (!isPostgreSql()) {
            known = "not available (embedded demo database)";
        } else {
            try (Connection connection = dataSource.getConnection()) {
                known = classifyRowLevelSecurity(connection);
            } catch (SQLException e) {
                return "unknown (" + e.getSQLState() + ")";
            }
        }
        if (known.startsWith("BYPASSED")) {
            LOG.severe(
                    "*** Row-level security " + known + ". Company isolation then rests on the application alone. ***");
        }
        rowLevelSecurity = known;
        return known;
    }

    /**
     * Why the service must not be called ready although the database answers: on PostgreSQL, row-level
     * security not applying to the application role (SPEC §3), unless the operator said so. Empty when fine.
     */
    public java.util.Optional<String> isolationDefect() {
        return isolationDefect(rowLevelSecurity(), allowRlsBypass);
    }

    public static java.util.Optional<String> isolationDefect(String status, boolean allowRlsBypass) {
        if (status.startsWith("BYPASSED") && !allowRlsBypass) {
            return java.util.Optional.of(
                    "row-level security " + status
                            + "; set DB_USER to a non-owner role without SUPERUSER/BYPASSRLS (or ESTATEDESK_ALLOW_RLS_BYPASS=true)");
        }
        return java.util.Optional.empty();
    }

    /**
     * Whether row-level security applies to the role of this connection: not for a superuser, a BYPASSRLS
     * role, or one that owns any table of the schema (RLS is not FORCEd on owners: the owner's audit
     * functions must see every company).
     */
    public static String classifyRowLevelSecurity(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("select r.rolsuper, r.rolbypassrls,"
                        + " exists (select 1 from pg_tables t where t.schemaname = current_schema() and t.tableowner = current_user)"
                        + " from pg_roles r where r.rolname = current_user");
                var row = statement.executeQuery()) {
            row.next();
            return row.getBoolean(1)
                    ? "BYPASSED: the application role is a superuser"
                    : row.getBoolean(2)
                            ? "BYPASSED: the application role has BYPASSRLS"
                            : row.getBoolean(3)
                                    ? "BYPASSED: the application role owns the tables (set DB_OWNER_USER to another role)"
                                    : "enforced";
        }
    }

    public Description describe() {
        Description known = description;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                known = new Description(
                        meta.getDatabaseProductName(),
                        meta.getDatabaseProductVersion(),
                        meta.getUserName(),
                        meta.getDatabaseProductName().toLowerCase().contains("postgresql"));
                if (known.postgreSql()) {
                    warnIfAutovacuumIsOff(connection);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The application datasource jdbc/estatedesk is not usable", e);
            }
            description = known;
            if (!known.postgreSql()) {
                LOG.warning("*** EstateDesk runs on the EMBEDDED DEMO DATABASE (" + known.product() + " "
                        + known.version() + ", ~/.estatedesk/demo). No row-level security; not for real data. "
                        + "Set DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD for PostgreSQL. ***");
            } else {
                LOG.info("EstateDesk runs on " + known.product() + " " + known.version() + " as " + known.user());
            }
        }
        return known;
    }

    /**
     * Without autovacuum no table gets statistics, and a plan PostgreSQL caches for a pooled connection's
     * prepared statement while a table is small stays in use as the table grows: the duplicate-email check
     * of batched registrations came to scan the whole company (BENCHMARKS.md, issue 15's third stop).
     */
    private static void warnIfAutovacuumIsOff(Connection connection) throws SQLException {
        try (var setting = connection.prepareStatement("select current_setting('autovacuum')");
                var value = setting.executeQuery()) {
            if (value.next() && "off".equals(value.getString(1))) {
                LOG.warning("PostgreSQL runs with autovacuum off: tables get no statistics unless someone runs"
                        + " ANALYZE, and the plans cached for pooled connections degrade as tables grow");
            }
        }
    }
}
