package com.estatedesk.platform.audit;

import com.estatedesk.infra.database.Database;
import com.estatedesk.platform.audit.AuditChecks.Definition;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Verifies the guarantees in the data itself. On PostgreSQL each check runs in its SECURITY DEFINER
 * function ({@link AuditFunctions}), which sees every company's rows (a row linking two companies is
 * what it looks for) and returns only a count: the application role itself never reads another
 * company's rows, and no request connects as the schema owner. On the H2 demo (no row-level security)
 * the same SQL runs directly. A company admin's audit is limited to its company in the SQL.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditService {

    private static final Logger LOG = Logger.getLogger(AuditService.class.getName());

    @Inject
    Database database;

    /** {@code companyId} null: the whole system. */
    public AuditReport audit(Long companyId) {
        List<AuditReport.Check> checks = new ArrayList<>();
        boolean postgreSql = database.isPostgreSql();
        // Not setReadOnly: the flag would stay on the pooled connection for the next request.
        try (Connection connection = database.dataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                if (postgreSql) {
                    bindCompany(connection, companyId);
                }
                for (Definition check : AuditChecks.ALL) {
                    if (check.postgreSqlOnly() && !postgreSql) {
                        continue;
                    }
                    long defects =
                            postgreSql ? countThroughFunction(connection, check) : count(connection, check, companyId);
                    checks.add(new AuditReport.Check(
                            check.name(), defects == 0, defects + (defects == 1 ? " defect" : " defects"), defects));
                }
            } finally {
                connection.rollback(); // read only: the company binding ends with the transaction
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit could not read the database", e);
        }
        boolean ok = checks.stream().allMatch(AuditReport.Check::ok);
        AuditReport report =
                new AuditReport(ok, companyId == null ? "system" : "company " + companyId, Instant.now(), checks);
        if (!ok) {
            LOG.warning(() -> "Audit of " + report.scope() + " failed: "
                    + checks.stream()
                            .filter(c -> !c.ok())
                            .map(c -> c.name() + " (" + c.detail() + ")")
                            .toList());
        }
        return report;
    }

    /** The functions audit the company bound to the transaction, as row-level security filters by it. */
    private static void bindCompany(Connection connection, Long companyId) throws SQLException {
        try (PreparedStatement bind = connection.prepareStatement("select set_config('app.company_id', ?, true)")) {
            bind.setString(1, companyId == null ? "" : companyId.toString());
            bind.execute();
        }
    }

    private static long countThroughFunction(Connection connection, Definition check) throws SQLException {
        try (PreparedStatement statement =
                        connection.prepareStatement("select " + AuditFunctions.functionName(check.name()) + "()");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long count(Connection connection, Definition check, Long companyId) throws SQLException {
        String sql = "select count(*) from (" + AuditFunctions.scoped(check.sql(), "cast(? as bigint)") + ") defects";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int placeholders = countOccurrences(sql, "cast(? as bigint)");
            for (int i = 1; i <= placeholders; i++) {
                statement.setObject(i, companyId, java.sql.Types.BIGINT);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static int countOccurrences(String text, String token) {
        int count = 0;
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
            count++;
        }
        return count;
    }
}
