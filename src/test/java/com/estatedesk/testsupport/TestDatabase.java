package com.estatedesk.testsupport;

/**
 * Creates the integration-test database from scratch before the container starts (Maven
 * pre-integration-test) with {@code scripts/create-database.sh}, so that the tests run on exactly the
 * roles and grants operators create (server-config/postgresql/create-database.sql). Needs psql and a
 * PostgreSQL superuser (default: postgres, trust auth).
 */
public final class TestDatabase {

    /** One database per server's suite (pom.xml: test.pg.database), so that the two suites can run side by side. */
    public static final String NAME = property("pg.database", "estatedesk_it");

    public static final String OWNER = NAME + "_owner";
    public static final String APP = NAME + "_app";
    /** Both roles' password (the script's default: the database's name); as in the pom's DB_PASSWORD. */
    public static final String PASSWORD = NAME;

    private TestDatabase() {}

    public static void main(String[] args) throws Exception {
        String database = NAME;
        ProcessBuilder script = new ProcessBuilder("scripts/create-database.sh", database, PASSWORD)
                .directory(new java.io.File(property("basedir", ".")))
                .inheritIO();
        script.environment().put("PGHOST", property("pg.host", "127.0.0.1"));
        script.environment().put("PGPORT", property("pg.port", "5432"));
        script.environment().put("PGUSER", property("pg.admin", "postgres"));
        int exit = script.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(
                    "scripts/create-database.sh " + database + " failed with exit code " + exit);
        }
        System.out.println("Test database " + database + " ready (owner " + OWNER + ", application role " + APP + ")");
    }

    public static String adminUrl(String database) {
        return "jdbc:postgresql://" + property("pg.host", "127.0.0.1") + ":" + property("pg.port", "5432") + "/"
                + database;
    }

    public static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
