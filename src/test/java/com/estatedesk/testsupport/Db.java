package com.estatedesk.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct access to the test database as the PostgreSQL superuser: to look at what the service
 * really stored, and to inject states the API would never produce.
 */
public final class Db {

    private Db() {}

    public static Connection superuser() {
        try {
            return DriverManager.getConnection(
                    TestDatabase.adminUrl(TestDatabase.NAME), TestDatabase.property("pg.admin", "postgres"), "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Long> longs(String sql, Object... parameters) {
        try (Connection connection = superuser();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<Long> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long single(String sql, Object... parameters) {
        List<Long> values = longs(sql, parameters);
        if (values.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + values);
        }
        return values.get(0);
    }

    public static String text(String sql, Object... parameters) {
        try (Connection connection = superuser();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new AssertionError("no row from " + sql);
            }
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... parameters) {
        try (Connection connection = superuser();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
