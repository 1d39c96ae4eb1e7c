package com.estatedesk.infra.database;

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
     * Whether PostgreSQL row-level security applies to the application's connections, read anew on
     * {@code connection} (readiness asks at every probe: a role can be given BYPASSRLS or a membership while
     * the service runs). Logged loudly whenever it stops applying.
     */
    public String rowLevelSecurity(Connection connection) {
        if (!isPostgreSql()) {
            return "not available (embedded demo database)";
        }
        String now;
        try {
            now = classifyRowLevelSecurity(connection);
        } catch (SQLException e) {
            return "unknown (" + e.getSQLState() + ")";
        }
        String before = rowLevelSecurity;
        rowLevelSecurity = now;
        if (now.startsWith("BYPASSED") && !now.equals(before)) {
            LOG.severe(
                    "*** Row-level security " + now + ". Company isolation then rests on the application alone. ***");
        } else if (!now.equals(before) && before != null && before.startsWith("BYPASSED")) {
            LOG.warning("Row-level security is " + now + " again");
        }
        return now;
    }

    /** As {@link #rowLevelSecurity(Connection)}, on a connection of its own. */
    public String rowLevelSecurity() {
        try (Connection connection = dataSource.getConnection()) {
            return rowLevelSecurity(connection);
        } catch (SQLException e) {
            return "unknown (" + e.getSQLState() + ")";
        }
    }

    /**
     * Why the service must not be called ready although the database answers: on PostgreSQL, row-level
     * security not applying to the application role (SPEC §3), unless the operator said so. Empty when fine.
     */
    public java.util.Optional<String> isolationDefect(String rowLevelSecurity) {
        return isolationDefect(rowLevelSecurity, allowRlsBypass);
    }

    public static java.util.Optional<String> isolationDefect(String status, boolean allowRlsBypass) {
        if (status.startsWith("BYPASSED") && !allowRlsBypass) {
            return java.util.Optional.of("row-level security " + status
                    + "; set DB_USER to a non-owner role without SUPERUSER/BYPASSRLS and without membership"
                    + " in such a role (or ESTATEDESK_ALLOW_RLS_BYPASS=true)");
        }
        return java.util.Optional.empty();
    }

    /**
     * Whether row-level security applies to the role of this connection: not for a superuser, a BYPASSRLS
     * role, or one that owns any table of the schema (RLS is not FORCEd on owners: the owner's audit
     * functions must see every company) — nor for a member of any such role, which can SET ROLE to it
     * (or inherits the owner's right to switch row-level security off).
     */
    public static String classifyRowLevelSecurity(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("select"
                        + " exists (select 1 from pg_roles r where r.rolsuper"
                        + " and pg_has_role(current_user, r.oid, 'MEMBER')),"
                        + " exists (select 1 from pg_roles r where r.rolbypassrls"
                        + " and pg_has_role(current_user, r.oid, 'MEMBER')),"
                        + " exists (select 1 from pg_tables t where t.schemaname = current_schema()"
                        + " and pg_has_role(current_user, t.tableowner, 'MEMBER'))");
                var row = statement.executeQuery()) {
            row.next();
            return row.getBoolean(1)
                    ? "BYPASSED: the application role is a superuser, or a member of one"
                    : row.getBoolean(2)
                            ? "BYPASSED: the application role has BYPASSRLS, or is a member of a role that has it"
                            : row.getBoolean(3)
                                    ? "BYPASSED: the application role owns the tables, or is a member of their owner"
                                            + " (set DB_OWNER_USER to another role)"
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
