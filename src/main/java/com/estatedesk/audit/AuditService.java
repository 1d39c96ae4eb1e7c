package com.estatedesk.audit;

import com.estatedesk.audit.AuditChecks.Definition;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Verifies the guarantees in the data itself. Reads through the schema owner's connection, which
 * row-level security does not filter: the audit must see what the application cannot, such as rows
 * linking two companies. Read-only; a company admin's audit is limited to its company in the SQL.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditService {

    private static final Logger LOG = Logger.getLogger(AuditService.class.getName());
    private static final int SAMPLE = 10;

    @Resource(name = "jdbc/estatedesk-migration")
    DataSource ownerDataSource;

    /** {@code companyId} null: the whole system. */
    public AuditReport audit(Long companyId) {
        List<AuditReport.Check> checks = new ArrayList<>();
        try (Connection connection = ownerDataSource.getConnection()) {
            connection.setReadOnly(true);
            for (Definition check : AuditChecks.ALL) {
                checks.add(run(connection, check, companyId));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit could not read the database", e);
        }
        boolean ok = checks.stream().allMatch(AuditReport.Check::ok);
        AuditReport report = new AuditReport(ok, companyId == null ? "system" : "company " + companyId, Instant.now(), checks);
        if (!ok) {
            LOG.warning(() -> "Audit of " + report.scope() + " failed: " + checks.stream().filter(c -> !c.ok())
                    .map(c -> c.name() + " (" + c.detail() + ")").toList());
        }
        return report;
    }

    private static AuditReport.Check run(Connection connection, Definition check, Long companyId) throws SQLException {
        String filtered = check.sql().replaceAll("#company\\((\\w+)\\)", companyId == null ? "" : "and $1.company_id = ?");
        int placeholders = companyId == null ? 0 : countOccurrences(check.sql(), "#company(");
        String sql = "select offender, count(*) over () as total from (" + filtered + ") defects order by offender limit " + SAMPLE;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= placeholders; i++) {
                statement.setLong(i, companyId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> offenders = new ArrayList<>();
                long total = 0;
                while (rows.next()) {
                    offenders.add(rows.getString(1));
                    total = rows.getLong(2);
                }
                return total == 0 ? new AuditReport.Check(check.name(), true, "0 defects", 0)
                        : new AuditReport.Check(check.name(), false, total + " defects, e.g. " + offenders, total);
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
