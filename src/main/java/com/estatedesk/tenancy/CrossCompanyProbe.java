package com.estatedesk.tenancy;

import com.estatedesk.metrics.AppMetrics;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Counts requests for ids that exist in another company. Reads through the owner's connection, which
 * row-level security does not filter, outside the request's transaction (a second datasource cannot
 * join it). The caller's answer does not depend on the outcome.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CrossCompanyProbe {

    private static final Logger LOG = Logger.getLogger(CrossCompanyProbe.class.getName());

    @Resource(name = "jdbc/estatedesk-migration")
    DataSource ownerDataSource;

    @Inject
    AppMetrics metrics;

    public void countIfElsewhere(String table, long id) {
        try (Connection connection = ownerDataSource.getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from " + table + " where id = ?")) {
            exists.setLong(1, id);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    metrics.crossCompanyAttempt(table);
                    LOG.warning(() -> "Cross-company attempt: " + table + " " + id + " belongs to another company");
                }
            }
        } catch (SQLException e) {
            LOG.warning(() -> "Could not check " + table + " " + id + " for a cross-company attempt: " + e.getSQLState());
        }
    }
}
