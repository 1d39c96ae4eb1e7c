package com.estatedesk.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.testsupport.Api;
import com.estatedesk.testsupport.Db;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.TestDatabase;
import com.estatedesk.testsupport.World;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an operator watches: readiness follows the database, and /metrics counts exactly what happened. */
class ObservabilityIT extends HttpApiTest {

    @Test
    void readinessFollowsTheDatabaseWithoutARestart() throws InterruptedException {
        assertEquals(200, health("/health/live").status());
        assertEquals(200, health("/health/ready").status());
        // Ours among the server's own checks (WildFly adds several).
        JsonObject ready = health("/health/ready").json().getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals("estatedesk-database"))
                .findFirst()
                .orElseThrow()
                .getJsonObject("data");
        assertEquals("enforced", ready.getString("rowLevelSecurity"));
        // Health answers anyone: UP/DOWN and why, never the database's build or the heap (issue 25, point 10).
        String serverVersion = Db.text("show server_version").split(" ")[0];
        for (String path : List.of("/health", "/health/ready", "/health/live")) {
            String body = health(path).body();
            assertFalse(body.contains(serverVersion) || body.toLowerCase().contains("heap"), path + ": " + body);
        }
        assertEquals(1.0, Api.metric(api.metrics(), "estatedesk_ready"), "the readiness gauge the alerts use");
        // A newer build migrated the schema further (the first instance of a rolling upgrade): this older
        // one stays ready, because migrations only expand.
        try {
            Db.update("insert into flyway_schema_history (installed_rank, version, description, type, script,"
                    + " installed_by, execution_time, success) select max(installed_rank) + 1, '999',"
                    + " 'a newer build', 'SQL', 'V999__newer_build.sql', 'test', 0, true from flyway_schema_history");
            assertEquals(200, health("/health/ready").status(), "ready with the schema of a newer build");
        } finally {
            Db.update("delete from flyway_schema_history where version = '999'");
        }
        try {
            // The database refuses the application's role: a database the service cannot reach.
            Db.update("alter role " + TestDatabase.APP + " nologin");
            Db.longs(
                    "select count(pg_terminate_backend(pid)) from pg_stat_activity where usename = ?",
                    TestDatabase.APP);
            assertTrue(eventually(() -> health("/health/ready").status() == 503), "readiness goes DOWN");
            assertEquals(200, health("/health/live").status(), "the process itself is alive");
            assertEquals(0.0, Api.metric(api.metrics(), "estatedesk_ready"), "the gauge follows readiness");
        } finally {
            Db.update("alter role " + TestDatabase.APP + " login");
        }
        assertTrue(eventually(() -> health("/health/ready").status() == 200), "readiness comes back UP");
        assertEquals(200, api.get("/me", fixtures.platformToken()).status());
    }

    @Test
    void metricsCountExactlyWhatHappened() throws Exception {
        World a = World.build(api, fixtures, "Metrics Alpha");
        World b = World.build(api, fixtures, "Metrics Beta");
        String before = api.metrics();

        // Three committed registrations.
        for (int i = 1; i <= 3; i++) {
            assertEquals(
                    201,
                    fixtures.register(a.company(), "clients", "Counted " + i, "counted" + i + "@metrics.test")
                            .status());
        }
        // A lock timeout: the sequence row is held by someone else for longer than the service waits.
        try (Connection holder = Db.superuser()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement(
                    "select 1 from company_sequence where company_id = ? and seq_key = 'CLT' for update")) {
                lock.setLong(1, a.company().id());
                lock.executeQuery().close();
            }
            assertEquals(
                    503,
                    fixtures.register(a.company(), "clients", "Timed Out", "timeout@metrics.test")
                            .status());
            holder.rollback();
        }
        // A unique violation the database itself catches: the uid the next registration will get is taken.
        String nextUid = a.company().prefix() + "-CLT005";
        Db.update("alter table client drop constraint fk_client_company");
        try {
            Db.update(
                    "insert into client (id, company_id, uid, uid_number, name, email, status, created_at)"
                            + " values (nextval('person_id_seq'), ?, ?, 1, 'Squatter', 'squatter@metrics.test', 'ACTIVE', now())",
                    b.company().id() + 1_000_000,
                    nextUid);
            Api.Reply clash = fixtures.register(a.company(), "clients", "Clash", "clash@metrics.test");
            assertEquals(409, clash.status(), clash::toString);
        } finally {
            Db.update("delete from client where email = 'squatter@metrics.test'");
            Db.update(
                    "alter table client add constraint fk_client_company foreign key (company_id) references company (id)");
        }
        // Another company's id and a missing one: both are unknown ids, counted alike.
        assertEquals(
                404,
                api.get("/marketers/" + b.marketer(), a.company().adminToken()).status());
        assertEquals(
                404, api.get("/marketers/7999999999", a.company().adminToken()).status());

        String after = api.metrics();
        assertEquals(3.0, Api.delta(before, after, "estatedesk_uid_allocations_total{role=\"CLT\"}"), after);
        assertEquals(1.0, Api.delta(before, after, "estatedesk_sequence_lock_timeouts_total"));
        assertEquals(1.0, Api.delta(before, after, "estatedesk_unique_violations_total{constraint=\"uq_client_uid\"}"));
        assertEquals(2.0, Api.delta(before, after, "estatedesk_unknown_id_lookups_total{table=\"marketer\"}"));
        assertEquals(
                5.0, Api.delta(before, after, "estatedesk_sequence_lock_wait_seconds_count"), "3 + timed out + clash");
        assertTrue(
                Api.delta(before, after, "estatedesk_sequence_lock_wait_seconds_sum") >= 2.5,
                "the timed-out wait (3 s) is in");
    }

    // --- helpers -------------------------------------------------------------------------------

    private Api.Reply health(String path) {
        // MicroProfile Health is served by the server at its root, whatever the application's context root;
        // WildFly serves it on its management interface (estatedesk.health.url, set by -Pwildfly).
        String base = System.getProperty("estatedesk.health.url", api.base());
        return api.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base).resolve(path))
                        .GET());
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }
}
