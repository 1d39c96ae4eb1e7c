package com.estatedesk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.testsupport.Api;
import com.estatedesk.testsupport.Db;
import com.estatedesk.testsupport.Fixtures;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.TestDatabase;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 28, the activity log (SPEC §5): every write names its actor and subject, in the write's own
 * transaction; a company sees only its own entries; the application role can neither change nor delete
 * one; and the audit turns red when the owner alters or removes one.
 */
class ActivityIT extends HttpApiTest {

    @Test
    void eachKindOfWriteIsRecordedWithItsActorAndSubject() {
        Fixtures.Company company = fixtures.company("Activity Homes");
        String admin = company.adminToken();
        Api.Reply marketer = api.post(
                "/marketers", admin, Fixtures.person("Mara Active", AccountLinksIT.unique("mara"), "mara-password-1"));
        Api.Reply client = fixtures.register(company, "clients", "Cleo Active", AccountLinksIT.unique("cleo"));
        Api.Reply assignment = api.post(
                "/assignments", admin, "{\"clientId\":" + client.id() + ",\"marketerId\":" + marketer.id() + "}");
        assertEquals(201, assignment.status(), assignment::toString);
        api.patch("/clients/" + client.id(), admin, "{\"name\":\"Cleo Renamed\"}");
        api.patch("/clients/" + client.id(), admin, "{\"status\":\"DEACTIVATED\"}");
        Api.Reply estate = api.post(
                "/estates",
                admin,
                "{\"name\":\"Palm Log\",\"location\":\"Lekki\",\"size\":2,\"sizeUnit\":\"HECTARES\",\"titleDeed\":\"GAZETTE\"}");
        assertEquals(201, estate.status(), estate::toString);
        String marketerEmail = marketer.json().getString("email");
        String marketerToken = fixtures.login(marketerEmail, "mara-password-1", company.slug());
        Api.Reply me = api.get("/me", admin);
        api.post(
                "/messages",
                marketerToken,
                "{\"recipientId\":" + me.json().getJsonNumber("accountId")
                        + ",\"type\":\"ENQUIRY\",\"body\":\"Hello\"}");
        api.post("/auth/logout", marketerToken, "");
        // refused input writes no entry
        assertEquals(400, api.post("/estates", admin, "{\"name\":\"\"}").status());

        List<JsonObject> entries = all("/activity", admin);
        Set<String> actions = new TreeSet<>();
        entries.forEach(entry -> actions.add(
                entry.getString("action") + " " + entry.getJsonObject("subject").getString("type")));
        for (String expected : List.of(
                "REGISTERED marketer",
                "REGISTERED client",
                "ASSIGNED client",
                "CHANGED client",
                "DEACTIVATED client",
                "CREATED estate",
                "SIGNED_IN login",
                "MESSAGE_SENT message",
                "SIGNED_OUT login")) {
            assertTrue(actions.contains(expected), expected + " in " + actions);
        }
        JsonObject deactivated = entries.stream()
                .filter(entry -> entry.getString("action").equals("DEACTIVATED"))
                .findFirst()
                .orElseThrow();
        assertEquals("COMPANY_ADMIN", deactivated.getJsonObject("actor").getString("role"));
        assertEquals(
                client.id(),
                deactivated.getJsonObject("subject").getJsonNumber("id").longValue());
        assertTrue(deactivated
                .getJsonObject("subject")
                .getString("label")
                .contains(client.json().getString("uid")));
        JsonObject sent = entries.stream()
                .filter(entry -> entry.getString("action").equals("MESSAGE_SENT"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                marketer.json().getString("uid"), sent.getJsonObject("actor").getString("uid"));
        assertEquals("MARKETER", sent.getJsonObject("actor").getString("role"));
        // newest first
        assertTrue(entries.get(0).getJsonNumber("id").longValue()
                > entries.get(entries.size() - 1).getJsonNumber("id").longValue());
        // never a password, token or hash
        String all = entries.toString();
        assertFalse(all.contains("mara-password-1") || all.contains("PBKDF2") || all.contains(marketerToken));

        // filters: one person's history; one actor's doings
        List<JsonObject> cleo = all("/activity?subjectType=client&subjectId=" + client.id(), admin);
        assertTrue(cleo.size() >= 4, cleo::toString);
        assertTrue(cleo.stream()
                .allMatch(e -> e.getJsonObject("subject").getJsonNumber("id").longValue() == client.id()));
        long marketerAccount = marketer.json().getJsonNumber("accountId").longValue();
        List<JsonObject> byMarketer = all("/activity?actor=" + marketerAccount, admin);
        assertTrue(byMarketer.stream()
                .allMatch(
                        e -> e.getJsonObject("actor").getJsonNumber("accountId").longValue() == marketerAccount));
        assertEquals(400, api.get("/activity?from=yesterday", admin).status());
        assertEquals(
                403,
                api.get("/activity", fixtures.login(marketerEmail, "mara-password-1", company.slug()))
                        .status());
    }

    @Test
    void anotherCompanysActivityIsInvisibleAndThePlatformAdminSeesEvery() {
        Fixtures.Company a = fixtures.company("Activity A");
        Fixtures.Company b = fixtures.company("Activity B");
        Api.Reply clientOfA = fixtures.register(a, "clients", "Only In A", AccountLinksIT.unique("ina"));
        List<JsonObject> ofB = all("/activity", b.adminToken());
        assertTrue(ofB.stream().noneMatch(e -> e.toString().contains("Only In A")), ofB::toString);
        assertEquals(
                0,
                api.get("/activity?subjectType=client&subjectId=" + clientOfA.id(), b.adminToken())
                        .items()
                        .size());
        // a company admin's ?company= is not a way out of its company
        assertTrue(all("/activity?company=" + a.id(), b.adminToken()).stream()
                .noneMatch(e -> e.toString().contains("Only In A")));
        List<JsonObject> platform = all("/activity?company=" + a.id(), fixtures.platformToken());
        assertTrue(platform.stream().anyMatch(e -> e.toString().contains("Only In A")), platform::toString);
        assertTrue(platform.stream()
                .anyMatch(e -> e.getString("action").equals("CREATED")
                        && e.getJsonObject("actor").getString("role").equals("PLATFORM_ADMIN")));
    }

    @Test
    void theApplicationCanNeitherChangeNorDeleteAnEntryAndTheAuditCatchesTheOwnerDoingIt() throws SQLException {
        Fixtures.Company company = fixtures.company("Activity Tamper");
        fixtures.register(company, "clients", "Tam One", AccountLinksIT.unique("tam1"));
        fixtures.register(company, "clients", "Tam Two", AccountLinksIT.unique("tam2"));
        fixtures.register(company, "clients", "Tam Three", AccountLinksIT.unique("tam3"));
        List<Long> ids = Db.longs("select id from activity where company_id = ? order by chain_seq", company.id());
        assertTrue(ids.size() >= 4, ids::toString);
        assertEquals(List.of(), failingChecks(company));

        try (Connection app = DriverManager.getConnection(
                        TestDatabase.adminUrl(TestDatabase.NAME), TestDatabase.APP, TestDatabase.PASSWORD);
                Statement sql = app.createStatement()) {
            sql.execute("select set_config('app.company_id', '" + company.id() + "', false)");
            for (String write : List.of(
                    "update activity set detail = 'rewritten' where id = " + ids.get(1),
                    "delete from activity where id = " + ids.get(1))) {
                SQLException refused =
                        org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> sql.execute(write));
                assertTrue(refused.getMessage().contains("permission denied"), refused::getMessage);
            }
        }

        // The owner alters an entry: exactly the activity check turns red; put back, green again.
        String original = Db.text("select coalesce(detail, '') from activity where id = ?", ids.get(1));
        Db.update("update activity set detail = 'rewritten by the owner' where id = ?", ids.get(1));
        try {
            assertEquals(List.of("activity_log_untouched"), failingChecks(company));
        } finally {
            Db.update("update activity set detail = nullif(?, '') where id = ?", original, ids.get(1));
        }
        assertEquals(List.of(), failingChecks(company));

        // The owner removes an entry: red; put back exactly as it was, green.
        try (Connection owner = Db.superuser();
                Statement sql = owner.createStatement()) {
            sql.execute("create temporary table removed as select * from activity where id = " + ids.get(1));
            sql.execute("delete from activity where id = " + ids.get(1));
            try {
                assertEquals(List.of("activity_log_untouched"), failingChecks(company));
            } finally {
                sql.execute("set session_replication_role = replica"); // re-inserted as it was, not chained anew
                sql.execute("insert into activity select * from removed");
                sql.execute("set session_replication_role = origin");
            }
        }
        assertEquals(List.of(), failingChecks(company));
    }

    private List<String> failingChecks(Fixtures.Company company) {
        Api.Reply audit = api.get("/audit", company.adminToken());
        assertEquals(200, audit.status(), audit::toString);
        List<String> failing = new ArrayList<>();
        audit.json().getJsonArray("checks").getValuesAs(JsonObject.class).forEach(check -> {
            if (!check.getBoolean("ok")) {
                failing.add(check.getString("name"));
            }
        });
        return failing;
    }

    private List<JsonObject> all(String path, String token) {
        List<JsonObject> entries = new ArrayList<>();
        String cursor = null;
        do {
            String separator = path.contains("?") ? "&" : "?";
            Api.Reply page =
                    api.get(path + separator + "limit=100" + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertEquals(200, page.status(), page::toString);
            entries.addAll(page.items().getValuesAs(JsonObject.class));
            cursor = page.json().isNull("next") ? null : page.json().getString("next");
        } while (cursor != null);
        return entries;
    }
}
