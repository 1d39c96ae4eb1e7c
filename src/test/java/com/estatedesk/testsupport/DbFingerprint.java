package com.estatedesk.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every table holds, cheaply: its row count and the newest row version (xmin) per table. Any
 * insert, update or delete changes it (of the email outbox, which the sender updates in the background:
 * inserts and deletes); reads do not. "Rejected input changes nothing" is then an equality.
 */
public final class DbFingerprint {

    private DbFingerprint() {}

    public static Map<String, String> take() {
        try (Connection connection = Db.superuser();
                Statement sql = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            Map<String, String> fingerprint = new TreeMap<>();
            for (String table : tables) {
                // The outbox's rows are marked sent by the sender in the background: a request is seen by
                // what it adds, not by the sender's updates.
                String version = table.equals("outbox_email") ? "0" : "coalesce(max(xmin::text::bigint), 0)";
                try (ResultSet row = sql.executeQuery("select count(*), " + version + " from " + table)) {
                    row.next();
                    fingerprint.put(table, row.getLong(1) + "@" + row.getLong(2));
                }
            }
            return fingerprint;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
