package com.estatedesk.platform.audit;

import com.estatedesk.infra.database.SchemaMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * On PostgreSQL the audit must see every company's rows (a link between two companies is exactly what
 * it looks for), yet nothing at request time may connect as the schema owner. So each check of
 * {@link AuditChecks} becomes, at start-up, a {@code SECURITY DEFINER} function owned by the owner that
 * returns only the number of defects; the application role may execute it and nothing more. A function
 * takes no company argument: it audits the company bound to the transaction ({@code app.company_id}, as
 * row-level security does), or every company when none is bound. The checks stay written once, in
 * {@link AuditChecks}; the H2 demo runs the same SQL directly.
 */
@ApplicationScoped
public class AuditFunctions {

    /** After every start-up migration on PostgreSQL: the functions follow the checks of this build. */
    void onSchemaMigrated(@Observes SchemaMigrated migrated) throws SQLException {
        install(migrated.owner(), migrated.applicationRole());
    }

    /** The company a function audits: the one bound to the transaction, none (all) when unbound. */
    static final String BOUND_COMPANY = "nullif(current_setting('app.company_id', true), '')::bigint";

    /** The function behind a check, e.g. {@code audit_duplicate_uids()}. */
    static String functionName(String check) {
        return "audit_" + check.toLowerCase(Locale.ROOT);
    }

    /** The check's SQL with its company filter: every company when {@code p_company} is null. */
    static String scoped(String sql, String parameter) {
        return sql.replaceAll(
                "#company\\((\\w+)\\)", "and (" + parameter + " is null or $1.company_id = " + parameter + ")");
    }

    /** Runs as the owner during start-up, in one transaction under a lock, so that instances starting together do not collide. */
    public static void install(Connection owner, String applicationRole) throws SQLException {
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try (Statement ddl = owner.createStatement()) {
            ddl.execute("select pg_advisory_xact_lock(hashtext('estatedesk.audit-functions'))");
            for (AuditChecks.Definition check : AuditChecks.ALL) {
                String function = functionName(check.name());
                // The earlier form took the company as an argument: any company, for whoever could call it.
                ddl.execute("drop function if exists " + function + "(bigint)");
                ddl.execute("create or replace function " + function + "() returns bigint"
                        + " language sql stable security definer set search_path from current as $$"
                        + " select count(*) from (" + scoped(check.sql(), BOUND_COMPANY) + ") defects $$");
                ddl.execute("revoke all on function " + function + "() from public");
                if (!applicationRole.equals(currentUser(owner))) {
                    ddl.execute("grant execute on function " + function + "() to \""
                            + applicationRole.replace("\"", "\"\"") + "\"");
                }
            }
            owner.commit();
        } catch (SQLException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(autoCommit);
        }
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
                var row = query.executeQuery("select current_user")) {
            row.next();
            return row.getString(1);
        }
    }
}
