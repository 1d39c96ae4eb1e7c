package com.estatedesk.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.infra.database.Database;
import com.estatedesk.testsupport.Api;
import com.estatedesk.testsupport.Awaiting;
import com.estatedesk.testsupport.Db;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.TestDatabase;
import com.estatedesk.testsupport.World;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC guarantee 5, proved in PostgreSQL itself by connecting as the application role (DB_USER) of the
 * deployed service: it reaches no private key material, no company row without a bound company, every
 * company table (found in the catalog, not in a list) has row-level security, and no request needs the
 * schema owner.
 */
class DatabaseRoleIT extends HttpApiTest {

    private static Connection as(String role) throws SQLException {
        return DriverManager.getConnection(TestDatabase.adminUrl(TestDatabase.NAME), role, TestDatabase.PASSWORD);
    }

    private static List<String> companyTables() {
        List<String> tables = new ArrayList<>();
        try (Connection connection = Db.superuser();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select c.table_name from information_schema.columns c"
                        + " join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name"
                        + " where c.table_schema = 'public' and c.column_name = 'company_id' and t.table_type = 'BASE TABLE'"
                        + " order by 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(tables.size() >= 12, "company tables found in the catalog: " + tables);
        return tables;
    }

    @Test
    void theApplicationRoleCannotReadOrPlantPrivateKeyMaterial() throws SQLException {
        World.build(api, fixtures, "Key Homes"); // the service has signed tokens by now
        assertTrue(Db.single("select count(*) from signing_key") > 0);
        for (String statement : List.of(
                "select private_jwk from signing_key",
                "select count(*) from signing_key",
                "insert into signing_key (kid, private_jwk, created_at) values ('planted', '{}', now())",
                "update signing_key set private_jwk = private_jwk",
                "delete from signing_key",
                "insert into verification_key (kid, public_jwk, created_at) values ('planted', '{}', now())",
                "delete from verification_key")) {
            try (Connection app = as(TestDatabase.APP);
                    Statement sql = app.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement), statement);
                assertEquals("42501", refused.getSQLState(), statement + ": " + refused.getMessage());
            }
        }
        // What it may read, the public halves, holds no private parameter.
        try (Connection app = as(TestDatabase.APP);
                Statement sql = app.createStatement();
                ResultSet rows = sql.executeQuery("select public_jwk from verification_key")) {
            int keys = 0;
            while (rows.next()) {
                JsonObject jwk =
                        Json.createReader(new StringReader(rows.getString(1))).readObject();
                for (String secret : List.of("d", "p", "q", "dp", "dq", "qi")) {
                    assertFalse(jwk.containsKey(secret), "public key material holds '" + secret + "'");
                }
                keys++;
            }
            assertTrue(keys > 0);
        }
    }

    @Test
    void withoutABoundCompanyTheApplicationRoleSeesNoCompanyRowAtAll() throws SQLException {
        World.build(api, fixtures, "Unbound Homes");
        try (Connection app = as(TestDatabase.APP);
                Statement sql = app.createStatement()) {
            for (String table : companyTables()) {
                assertTrue(Db.single("select count(*) from " + table) > 0, table + " has rows");
                try (ResultSet row = sql.executeQuery("select count(*) from " + table)) {
                    row.next();
                    assertEquals(0, row.getLong(1), table + " read without app.company_id");
                }
            }
        }
    }

    @Test
    void everyTableWithACompanyColumnHasRowLevelSecurityThatTheApplicationCannotEscape() throws SQLException {
        for (String table : companyTables()) {
            assertEquals(
                    1,
                    Db.single(
                            "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                                    + " where n.nspname = 'public' and c.relname = ? and c.relrowsecurity",
                            table),
                    table + ": RLS enabled");
            assertTrue(
                    Db.single(
                                    "select count(*) from pg_policies where schemaname = 'public' and tablename = ?"
                                            + " and qual like '%app.company_id%' and with_check like '%app.company_id%'",
                                    table)
                            > 0,
                    table + ": policy");
            assertEquals(
                    0,
                    Db.single(
                            "select count(*) from pg_tables where schemaname = 'public' and tablename = ? and tableowner = ?",
                            table,
                            TestDatabase.APP),
                    table + " is owned by the application role");
        }
        assertEquals(
                0,
                Db.single(
                        "select count(*) from pg_roles where rolname = ? and (rolsuper or rolbypassrls)",
                        TestDatabase.APP));
    }

    /** The rule readiness applies (DOWN unless ESTATEDESK_ALLOW_RLS_BYPASS): run on real connections of each kind of role. */
    @Test
    void theReadinessRuleTellsEnforcedFromBypassed() throws SQLException {
        try (Connection app = as(TestDatabase.APP);
                Connection owner = as(TestDatabase.OWNER);
                Connection superuser = Db.superuser()) {
            assertEquals("enforced", Database.classifyRowLevelSecurity(app));
            assertTrue(Database.classifyRowLevelSecurity(owner)
                    .startsWith("BYPASSED: the application role owns the tables"));
            assertTrue(Database.classifyRowLevelSecurity(superuser)
                    .startsWith("BYPASSED: the application role is a superuser"));
        }
        assertTrue(Database.isolationDefect("BYPASSED: the application role owns the tables", false)
                .isPresent());
        assertTrue(Database.isolationDefect("BYPASSED: the application role owns the tables", true)
                .isEmpty());
        assertTrue(Database.isolationDefect("enforced", false).isEmpty());
        // MicroProfile Health is served at the server's root (WildFly: its management interface).
        Api.Reply ready = api.send(java.net.http.HttpRequest.newBuilder(java.net
                        .URI
                        .create(System.getProperty("estatedesk.health.url", api.base()))
                        .resolve("/health/ready"))
                .GET());
        assertEquals(200, ready.status(), ready::toString);
        assertTrue(ready.body().contains("enforced"), ready::toString);
    }

    /**
     * Issue 25, point 9: the application role reaches the login throttle only through its functions. It
     * cannot read other logins' attempts (their emails and companies), clear a count with a DELETE, or
     * write one; the functions count, clear one pair and purge, and nothing else.
     */
    @Test
    void theApplicationRoleReachesTheLoginThrottleOnlyThroughItsFunctions() throws SQLException {
        Db.update("insert into login_attempt (company_key, email, attempts, window_started)"
                + " values ('role-test', 'victim@example.test', 5, now())");
        try (Connection app = as(TestDatabase.APP);
                Statement sql = app.createStatement()) {
            for (String statement : List.of(
                    "select email from login_attempt",
                    "delete from login_attempt",
                    "update login_attempt set attempts = 0",
                    "insert into login_attempt (company_key, email, attempts, window_started) values ('x', 'y', 0, now())")) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement), statement);
                assertEquals("42501", refused.getSQLState(), statement + ": " + refused.getMessage());
            }
            try (ResultSet counted = sql.executeQuery(
                    "select attempt_count from count_login_attempt('role-test', 'victim@example.test', now(), interval '15 minutes')")) {
                counted.next();
                assertEquals(6, counted.getInt(1));
            }
        }
        assertEquals(
                6,
                Db.single(
                        "select attempts from login_attempt where company_key = 'role-test' and email = 'victim@example.test'"));
        Db.update("delete from login_attempt where company_key = 'role-test'");
    }

    /**
     * Issue 25, point 8: readiness reads the role's attributes and memberships at every probe. BYPASSRLS
     * given to the running service's role, or membership in the owner (which could switch row-level
     * security off), turns readiness DOWN with its reason at the next probe; taken back, UP again.
     */
    @Test
    void readinessTurnsDownWhenTheRunningRoleGainsABypass() {
        assertTrue(readiness().body().contains("enforced"), () -> readiness().toString());
        for (String[] change : List.of(
                new String[] {
                    "alter role " + TestDatabase.APP + " bypassrls",
                    "alter role " + TestDatabase.APP + " nobypassrls",
                    "BYPASSRLS"
                },
                new String[] {
                    "grant " + TestDatabase.OWNER + " to " + TestDatabase.APP,
                    "revoke " + TestDatabase.OWNER + " from " + TestDatabase.APP,
                    "member of their owner"
                })) {
            Db.update(change[0]);
            try {
                Api.Reply down = readiness();
                assertEquals(503, down.status(), change[0] + ": " + down);
                assertTrue(down.body().contains(change[2]), change[0] + ": " + down);
            } finally {
                Db.update(change[1]);
            }
            Api.Reply up = readiness();
            assertEquals(200, up.status(), change[1] + ": " + up);
            assertTrue(up.body().contains("enforced"), up::toString);
        }
    }

    private Api.Reply readiness() {
        return api.send(java.net.http.HttpRequest.newBuilder(java.net
                        .URI
                        .create(System.getProperty("estatedesk.health.url", api.base()))
                        .resolve("/health/ready"))
                .GET());
    }

    private static void assertRefused(Statement sql, String statement) {
        SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement), statement);
        assertEquals("42501", refused.getSQLState(), statement + ": " + refused.getMessage());
    }

    /**
     * Issue 25, point 9: platform admins, a company's status and token revocations are written only
     * through their functions. The application role cannot set a password hash, insert an admin, suspend
     * or revive a company behind the service's back, read or delete revocations, or lower one.
     */
    @Test
    void platformRowsAndRevocationsAreWrittenOnlyThroughTheirFunctions() throws SQLException {
        World world = World.build(api, fixtures, "Least Privilege Homes");
        long company = world.company().id();
        try (Connection app = as(TestDatabase.APP);
                Statement sql = app.createStatement()) {
            for (String statement : List.of(
                    "update platform_admin set password_hash = 'planted'",
                    "update platform_admin set token_generation = 0",
                    "insert into platform_admin (id, email, password_hash, token_generation, created_at)"
                            + " values (7, 'planted@example.test', 'x', 0, now())",
                    "delete from platform_admin",
                    "update company set status = 'SUSPENDED' where id = " + company,
                    "update company set token_generation = 0 where id = " + company,
                    "delete from company where id = " + company,
                    "select subject from token_revocation",
                    "delete from token_revocation",
                    "update token_revocation set min_generation = 0",
                    "insert into token_revocation (subject, min_generation, changed_at) values ('account:1', 0, now())",
                    "select * from cross_company_attempt",
                    "update idempotency_key set response = ''")) {
                assertRefused(sql, statement);
            }
            // Renaming stays plain SQL (the service checks the name first); the status does not move.
            assertEquals(1, sql.executeUpdate("update company set name = name where id = " + company));
            sql.execute("select record_token_revocation('account:987654321', 5)");
            sql.execute("select record_token_revocation('account:987654321', 2)");
            try (ResultSet first =
                    sql.executeQuery("select create_first_platform_admin('planted@example.test', 'x')")) {
                first.next();
                assertFalse(first.getBoolean(1), "an admin exists already: nothing is created");
            }
        }
        assertEquals(5, Db.single("select min_generation from token_revocation where subject = 'account:987654321'"));
        assertEquals(0, Db.single("select count(*) from platform_admin where email = 'planted@example.test'"));
        assertEquals("ACTIVE", Db.text("select status from company where id = ?", company));
        Db.update("delete from token_revocation where subject = 'account:987654321'");
    }

    /**
     * Issue 25, point 9: stored idempotent answers (names, emails) are under row-level security by
     * caller. Bound to company A, the application role reads A's keys only, and cannot plant one in B's
     * name; unbound, it reads only the platform admins' keys.
     */
    @Test
    void idempotentAnswersAreReadableOnlyByTheirCompany() throws SQLException {
        World a = World.build(api, fixtures, "Idem Rls A Homes");
        World b = World.build(api, fixtures, "Idem Rls B Homes");
        for (World world : List.of(a, b)) {
            Api.Reply created = api.postWithKey(
                    "/clients",
                    world.company().adminToken(),
                    "rls-" + world.company().id(),
                    "{\"name\":\"Keyed\",\"email\":\"keyed-" + world.company().id() + "@example.test\"}");
            assertEquals(201, created.status(), created::toString);
        }
        try (Connection app = as(TestDatabase.APP);
                Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.execute("select set_config('app.company_id', '" + a.company().id() + "', true)");
            List<String> seen = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select caller from idempotency_key")) {
                while (rows.next()) {
                    seen.add(rows.getString(1));
                }
            }
            assertFalse(seen.isEmpty(), "A's own key is visible to A");
            assertTrue(
                    seen.stream()
                            .allMatch(c -> c.startsWith("company:" + a.company().id() + ":")),
                    seen::toString);
            SQLException planted = assertThrows(
                    SQLException.class,
                    () -> sql.execute(
                            "insert into idempotency_key (caller, idem_key, fingerprint, response, created_at)"
                                    + " values ('company:" + b.company().id()
                                    + ":account:1', 'planted', 'f', '{}', now())"));
            assertEquals("42501", planted.getSQLState(), planted.getMessage());
            app.rollback();
            try (ResultSet rows = sql.executeQuery(
                    "select count(*) filter (where caller not like 'platform:%'), count(*) from idempotency_key")) {
                rows.next();
                assertEquals(0, rows.getLong(1), "unbound: no company's keys");
            }
            app.rollback();
        }
        assertEquals(
                1,
                Db.single(
                        "select count(*) from idempotency_key where idem_key = ?",
                        "rls-" + b.company().id()));
    }

    /**
     * Issue 25, point 9: nothing tells the application role whether an id exists in another company. The
     * function behind an unknown id answers nothing; the database writes the cross-company attempt down for
     * operators (readable by the owner only). Only company tables are accepted.
     */
    @Test
    void anUnknownIdIsNotedForOperatorsAndNeverAnswered() throws SQLException {
        World a = World.build(api, fixtures, "Unknown Id A Homes");
        World b = World.build(api, fixtures, "Unknown Id B Homes");
        String before = api.metrics();
        assertEquals(
                404, api.get("/clients/" + b.client(), a.company().adminToken()).status());
        assertEquals(
                404, api.get("/clients/7999999999", a.company().adminToken()).status());
        assertEquals(2.0, Api.delta(before, api.metrics(), "estatedesk_unknown_id_lookups_total{table=\"client\"}"));
        // Written after the answer, in its own transaction.
        Awaiting.until(
                () -> Db.single(
                                "select count(*) from cross_company_attempt where caller_company = ?"
                                        + " and table_name = 'client' and row_id = ? and owner_company = ?",
                                a.company().id(),
                                b.client(),
                                b.company().id())
                        == 1,
                java.time.Duration.ofSeconds(5),
                "the attempt on B's client is noted");
        assertEquals(0, Db.single("select count(*) from cross_company_attempt where row_id = 7999999999"));
        assertEquals(
                "void",
                Db.text("select pg_get_function_result('note_unknown_id(text, bigint)'::regprocedure)"),
                "no answer about the other company");
        try (Connection app = as(TestDatabase.APP);
                Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.execute("select set_config('app.company_id', '" + a.company().id() + "', true)");
            sql.execute("select note_unknown_id('client', " + b.client() + ")");
            SQLException refused = assertThrows(
                    SQLException.class, () -> sql.executeQuery("select note_unknown_id('signing_key', 1)"));
            assertEquals("22023", refused.getSQLState(), refused.getMessage());
            app.rollback();
            SQLException oldProbe =
                    assertThrows(SQLException.class, () -> sql.executeQuery("select count_rows_with_id('client', 1)"));
            assertEquals("42883", oldProbe.getSQLState(), "the answering probe is gone: " + oldProbe.getMessage());
            app.rollback();
            SQLException anyCompany = assertThrows(
                    SQLException.class,
                    () -> sql.executeQuery(
                            "select audit_duplicate_uids(" + b.company().id() + ")"));
            assertEquals(
                    "42883", anyCompany.getSQLState(), "audits take no company argument: " + anyCompany.getMessage());
            app.rollback();
        }
    }

    /**
     * With the owner unable to log in at all, every request-time path that once used it (the audit, the
     * probe behind a foreign id, logins, registrations) still works: nothing at request time connects as
     * the owner.
     */
    @Test
    void nothingAtRequestTimeConnectsAsTheOwner() {
        World a = World.build(api, fixtures, "Ownerless A Homes");
        World b = World.build(api, fixtures, "Ownerless B Homes");
        String platform = fixtures.platformToken();
        String before = api.metrics();
        Db.update("alter role " + TestDatabase.OWNER + " nologin");
        try {
            Db.longs(
                    "select count(pg_terminate_backend(pid)) from pg_stat_activity where usename = ?",
                    TestDatabase.OWNER);
            Api.Reply audit = api.get("/audit", platform);
            assertEquals(200, audit.status(), audit::toString);
            assertTrue(audit.json().getBoolean("ok"), audit::toString);
            assertEquals(200, api.get("/audit", a.company().adminToken()).status());
            Api.Reply foreign = api.get("/clients/" + b.client(), a.company().adminToken());
            assertEquals(404, foreign.status(), foreign::toString);
            assertEquals(
                    201,
                    api.post(
                                    "/clients",
                                    a.company().adminToken(),
                                    "{\"name\":\"Ownerless\",\"email\":\"ownerless@example.test\"}")
                            .status());
            fixtures.login(
                    a.company().adminEmail(),
                    com.estatedesk.testsupport.Fixtures.ADMIN_PASSWORD,
                    a.company().slug());
            assertEquals(
                    1.0, Api.delta(before, api.metrics(), "estatedesk_unknown_id_lookups_total{table=\"client\"}"));
            assertEquals(0, Db.single("select count(*) from pg_stat_activity where usename = ?", TestDatabase.OWNER));
        } finally {
            Db.update("alter role " + TestDatabase.OWNER + " login");
        }
    }
}
