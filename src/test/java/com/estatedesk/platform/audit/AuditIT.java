package com.estatedesk.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.testsupport.Api;
import com.estatedesk.testsupport.Concurrently;
import com.estatedesk.testsupport.Db;
import com.estatedesk.testsupport.Fixtures.Company;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.World;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Guarantee 4 of the SPEC: the audit of a healthy system is all green, and a hand-injected defect
 * (made as the database superuser, bypassing the application) turns exactly its check red. Also the
 * sequence backfill, which mends what the numbering audit finds.
 */
class AuditIT extends HttpApiTest {

    @Test
    void healthyDataPassesEveryCheck() {
        World world = World.build(api, fixtures, "Healthy Audit");
        JsonObject company = audit(world.company().adminToken());
        assertTrue(company.getBoolean("ok"), company::toString);
        assertEquals(10, company.getJsonArray("checks").size());
        JsonObject system = audit(fixtures.platformToken());
        assertTrue(system.getBoolean("ok"), system::toString);
        assertEquals("system", system.getString("scope"));
        assertEquals(403, api.get("/audit", world.marketerToken()).status());
    }

    @Test
    void duplicateUidTurnsOnlyItsCheckRed() {
        World world = World.build(api, fixtures, "Duplicate Audit");
        Db.update("alter table client drop constraint uq_client_uid, drop constraint uq_client_number");
        try {
            Db.update(
                    "insert into client (id, company_id, uid, uid_number, name, email, status, created_at)"
                            + " select nextval('person_id_seq'), company_id, uid, uid_number, 'Twin', 'twin@audit.test', status, created_at"
                            + " from client where id = ?",
                    world.client());
            assertRed(world, "duplicate_uids");
        } finally {
            Db.update("delete from client where email = 'twin@audit.test'");
            Db.update("alter table client add constraint uq_client_uid unique (uid),"
                    + " add constraint uq_client_number unique (company_id, uid_number)");
        }
        assertRed(world);
    }

    @Test
    void malformedUidTurnsOnlyItsCheckRed() {
        World world = World.build(api, fixtures, "Format Audit");
        String uid = api.get("/clients/" + world.client(), world.company().adminToken())
                .json()
                .getString("uid");
        Db.update("update client set uid = ? where id = ?", uid.replace("CLT001", "CLT01"), world.client());
        try {
            assertRed(world, "uids_matching_company_role_and_number");
        } finally {
            Db.update("update client set uid = ? where id = ?", uid, world.client());
        }
    }

    @Test
    void numberingGapTurnsOnlyItsCheckRed() {
        Company company = fixtures.company("Gap Audit");
        for (int i = 1; i <= 3; i++) {
            fixtures.register(company, "clients", "Client " + i, "client" + i + "@gap-audit.test");
        }
        String backup = "audit_backup_" + company.id();
        Db.update(
                "create table " + backup + " as select * from client where company_id = ? and uid_number = 2",
                company.id());
        Db.update("delete from client where company_id = ? and uid_number = 2", company.id());
        try {
            assertRed(company.adminToken(), "numbering_without_gaps");
        } finally {
            Db.update("insert into client select * from " + backup);
            Db.update("drop table " + backup);
        }
        assertRed(company.adminToken());
    }

    @Test
    void sequenceBehindTurnsOnlyItsCheckRed() {
        World world = World.build(api, fixtures, "Behind Audit");
        Db.update(
                "insert into marketer (id, company_id, uid, uid_number, name, email, status, created_at)"
                        + " values (nextval('person_id_seq'), ?, ? || '-MKT003', 3, 'Imported', 'imported@audit.test', 'ACTIVE', now())",
                world.company().id(),
                world.company().prefix());
        try {
            assertRed(world, "sequences_not_behind");
            // The backfill repairs it, and registrations continue after the highest number.
            Api.Reply backfill = api.post(
                    "/companies/" + world.company().id() + "/sequences/backfill", fixtures.platformToken(), "");
            assertEquals(200, backfill.status(), backfill::toString);
            assertEquals(Map.of("MKT", 3L, "CLT", 1L), sequences(backfill.json()));
            assertRed(world);
            assertEquals(
                    4,
                    api.post(
                                    "/marketers",
                                    world.company().adminToken(),
                                    "{\"name\":\"Fourth\",\"email\":\"fourth@audit.test\"}")
                            .json()
                            .getInt("number"));
        } finally {
            Db.update("delete from marketer where email in ('imported@audit.test', 'fourth@audit.test')");
        }
    }

    @Test
    void crossCompanyAssignmentTurnsOnlyItsCheckRed() {
        World world = World.build(api, fixtures, "Cross Assignment Audit");
        World other = World.build(api, fixtures, "Cross Assignment Other");
        withoutConstraint(
                "assignment",
                "fk_assignment_marketer_same_company",
                "foreign key (company_id, marketer_id) references marketer (company_id, id)",
                () -> {
                    Db.update(
                            "update assignment set marketer_id = ? where id = ?", other.marketer(), world.assignment());
                    try {
                        assertRed(world, "assignments_within_one_company");
                    } finally {
                        Db.update(
                                "update assignment set marketer_id = ? where id = ?",
                                world.marketer(),
                                world.assignment());
                    }
                });
    }

    @Test
    void crossCompanyAllocationTurnsOnlyItsCheckRed() {
        World world = World.build(api, fixtures, "Cross Allocation Audit");
        World other = World.build(api, fixtures, "Cross Allocation Other");
        withoutConstraint(
                "allocation",
                "fk_allocation_client_same_company",
                "foreign key (company_id, client_id) references client (company_id, id)",
                () -> {
                    Db.update("update allocation set client_id = ? where id = ?", other.client(), world.allocation());
                    try {
                        assertRed(world, "allocations_within_one_company");
                    } finally {
                        Db.update(
                                "update allocation set client_id = ? where id = ?", world.client(), world.allocation());
                    }
                });
    }

    @Test
    void crossCompanyMessageTurnsOnlyItsCheckRed() {
        World world = World.build(api, fixtures, "Cross Message Audit");
        World other = World.build(api, fixtures, "Cross Message Other");
        withoutConstraint(
                "message",
                "fk_message_recipient_same_company",
                "foreign key (company_id, recipient_account_id) references account (company_id, id)",
                () -> {
                    Db.update(
                            "update message set recipient_account_id = ? where id = ?",
                            other.clientAccount(),
                            world.message());
                    try {
                        assertRed(world, "messages_within_one_company");
                    } finally {
                        Db.update(
                                "update message set recipient_account_id = ? where id = ?",
                                world.clientAccount(),
                                world.message());
                    }
                });
    }

    @Test
    void rowWithoutCompanyTurnsOnlyItsCheckRed() {
        withoutConstraint(
                "plot_size", "fk_plot_size_company", "foreign key (company_id) references company (id)", () -> {
                    Db.update("insert into plot_size (id, company_id, size, size_key, created_at)"
                            + " values (nextval('plot_id_seq'), 987654321, 'orphan', 'orphan', now())");
                    try {
                        assertEquals(Set.of("rows_with_a_company"), redChecks(audit(fixtures.platformToken())));
                    } finally {
                        Db.update("delete from plot_size where company_id = 987654321");
                    }
                });
        assertEquals(Set.of(), redChecks(audit(fixtures.platformToken())));
    }

    @Test
    void accountWithTheWrongRoleTurnsOnlyItsCheckRed() {
        World world = World.build(api, fixtures, "Role Audit");
        Db.update("update account set role = 'CLIENT' where id = ?", world.marketerAccount());
        try {
            assertRed(world, "accounts_matching_their_person");
        } finally {
            Db.update("update account set role = 'MARKETER' where id = ?", world.marketerAccount());
        }
    }

    @Test
    void backfillRacingRegistrationsKeepsNumbersGapless() {
        Company company = fixtures.company("Backfill Race");
        String platform = fixtures.platformToken();
        List<Api.Reply> replies = Concurrently.run(
                55,
                i -> i % 11 == 0
                        ? api.post("/companies/" + company.id() + "/sequences/backfill", platform, "")
                        : fixtures.register(company, "clients", "Racer " + i, "racer" + i + "@backfill.test"));

        assertTrue(
                replies.stream().allMatch(reply -> reply.status() == 201 || reply.status() == 200),
                () -> replies.stream()
                        .filter(r -> r.status() >= 300)
                        .findFirst()
                        .map(Object::toString)
                        .orElse(""));
        assertEquals(
                LongStream.rangeClosed(1, 50).boxed().toList(),
                Db.longs("select uid_number from client where company_id = ? order by uid_number", company.id()));
        Api.Reply after = api.post("/companies/" + company.id() + "/sequences/backfill", platform, "");
        assertEquals(Map.of("MKT", 0L, "CLT", 50L), sequences(after.json()));
        assertEquals(
                after.body(),
                api.post("/companies/" + company.id() + "/sequences/backfill", platform, "")
                        .body(),
                "idempotent");
        // Never lowers: a sequence ahead of the data stays where it is.
        Db.update("update company_sequence set last_value = 60 where company_id = ? and seq_key = 'CLT'", company.id());
        assertEquals(
                Map.of("MKT", 0L, "CLT", 60L),
                sequences(api.post("/companies/" + company.id() + "/sequences/backfill", platform, "")
                        .json()));
        Db.update("alter table company_sequence disable trigger trg_company_sequence_grows");
        Db.update("update company_sequence set last_value = 50 where company_id = ? and seq_key = 'CLT'", company.id());
        Db.update("alter table company_sequence enable trigger trg_company_sequence_grows");
        assertEquals(
                404,
                api.post("/companies/987654321/sequences/backfill", platform, "")
                        .status());
        assertEquals(
                403,
                api.post("/companies/" + company.id() + "/sequences/backfill", company.adminToken(), "")
                        .status());
    }

    // --- helpers -------------------------------------------------------------------------------

    private JsonObject audit(String token) {
        Api.Reply reply = api.get("/audit", token);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private void assertRed(World world, String... checks) {
        assertRed(world.company().adminToken(), checks);
    }

    private void assertRed(String adminToken, String... checks) {
        JsonObject report = audit(adminToken);
        assertEquals(Set.of(checks), redChecks(report), report::toString);
        assertEquals(checks.length == 0, report.getBoolean("ok"));
    }

    private static Set<String> redChecks(JsonObject report) {
        return report.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(Predicate.not(check -> check.getBoolean("ok")))
                .map(check -> check.getString("name"))
                .collect(Collectors.toSet());
    }

    private static Map<String, Long> sequences(JsonObject backfill) {
        return backfill.getJsonArray("sequences").stream()
                .map(s -> s.asJsonObject())
                .collect(Collectors.toMap(
                        s -> s.getString("key"),
                        s -> s.getJsonNumber("lastValue").longValue()));
    }

    private static void withoutConstraint(String table, String constraint, String definition, Runnable injection) {
        Db.update("alter table " + table + " drop constraint " + constraint);
        try {
            injection.run();
        } finally {
            Db.update("alter table " + table + " add constraint " + constraint + " " + definition);
        }
    }
}
