package com.estatedesk.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the integration-test database from scratch before the container starts (Maven
 * pre-integration-test): a schema owner role, a non-superuser application role without BYPASSRLS,
 * and a database owned by the owner. Needs a PostgreSQL superuser (default: postgres, trust auth).
 */
public final class TestDatabase {

    public static final String OWNER = "estatedesk_it_owner";
    public static final String APP = "estatedesk_it_app";

    private TestDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        String database = property("pg.database", "estatedesk_it");
        try (Connection admin = DriverManager.getConnection(adminUrl("postgres"), property("pg.admin", "postgres"), "");
             Statement sql = admin.createStatement()) {
            sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            sql.execute("drop database if exists " + database);
            for (String role : new String[]{OWNER, APP}) {
                sql.execute("drop role if exists " + role);
                sql.execute("create role " + role + " login password '" + role + "'"
                        + " nosuperuser nocreatedb nocreaterole nobypassrls");
            }
            sql.execute("create database " + database + " owner " + OWNER);
        }
        try (Connection db = DriverManager.getConnection(adminUrl(database), property("pg.admin", "postgres"), "");
             Statement sql = db.createStatement()) {
            sql.execute("revoke all on schema public from public");
            sql.execute("alter schema public owner to " + OWNER);
            sql.execute("grant usage on schema public to " + APP);
        }
        System.out.println("Test database " + database + " ready (owner " + OWNER + ", application role " + APP + ")");
    }

    public static String adminUrl(String database) {
        return "jdbc:postgresql://" + property("pg.host", "127.0.0.1") + ":" + property("pg.port", "5432") + "/" + database;
    }

    public static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
