package com.estatedesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.testsupport.Api;
import com.estatedesk.testsupport.Fixtures;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.World;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2 "Readable references" and the CSV rules, as a client of the API sees them: every
 * representation that points at someone or something says who or what, beside the id; lists filter by
 * what a person asks for; a client can find whom to write to; a deactivated client takes no new
 * assignment or plot; a CSV import reports every bad row at once.
 */
class ReadableApiIT extends HttpApiTest {

    @Test
    void allocationsAssignmentsAndMessagesSayWhoAndWhatBesideTheirIds() {
        World world = World.build(api, fixtures, "Readable Homes");
        String admin = world.company().adminToken();
        JsonObject client = api.get("/clients/" + world.client(), admin).json();
        JsonObject marketer = api.get("/marketers/" + world.marketer(), admin).json();

        for (String token : List.of(admin, world.clientToken(), world.marketerToken())) {
            JsonObject allocation =
                    api.get("/allocations/" + world.allocation(), token).json();
            assertEquals(
                    ref(world.client(), client),
                    allocation.getJsonObject("client").toString());
            assertEquals(
                    "{\"id\":" + world.estate() + ",\"name\":\"Estate "
                            + world.company().id() + "\"}",
                    allocation.getJsonObject("estate").toString());
            assertEquals(
                    "{\"id\":" + world.plotSize() + ",\"size\":\"500 sqm\"}",
                    allocation.getJsonObject("plotSize").toString());
            assertEquals(
                    "{\"id\":" + world.plotNumber() + ",\"number\":\"A-1\"}",
                    allocation.getJsonObject("plotNumber").toString());
            JsonObject listed = api.get("/allocations", token).items().getJsonObject(0);
            assertEquals(allocation, listed, "the list says the same as the item");
        }
        // A new allocation answers with its references at once; one without a number says null.
        Api.Reply deposit = api.post(
                "/allocations",
                admin,
                "{\"clientId\":" + world.client() + ",\"estateId\":" + world.estate() + ",\"plotSizeId\":"
                        + world.plotSize() + ",\"paymentType\":\"PART\"}");
        assertEquals(201, deposit.status(), deposit::toString);
        assertEquals(JsonValue.NULL, deposit.json().get("plotNumber"));
        assertEquals("500 sqm", deposit.json().getJsonObject("plotSize").getString("size"));

        JsonObject assignment = api.get("/assignments?clientId=" + world.client(), admin)
                .items()
                .getJsonObject(0);
        assertEquals(
                ref(world.client(), client), assignment.getJsonObject("client").toString());
        assertEquals(
                ref(world.marketer(), marketer),
                assignment.getJsonObject("marketer").toString());

        JsonObject message =
                api.get("/messages/" + world.message(), world.clientToken()).json();
        assertEquals(
                party(world.marketerAccount(), marketer, "MARKETER"),
                message.getJsonObject("sender").toString());
        assertEquals(
                party(world.clientAccount(), client, "CLIENT"),
                message.getJsonObject("recipient").toString());
    }

    @Test
    void theSummaryHasTheDashboardsBusinessFigures() {
        World world = World.build(api, fixtures, "Summary Homes");
        JsonObject summary = api.get("/summary", world.company().adminToken()).json();
        assertEquals(
                "{\"marketers\":2,\"clients\":1}",
                summary.getJsonObject("registrationsThisWeek").toString());
        assertEquals(
                "{\"FULL\":1,\"PART\":0}",
                summary.getJsonObject("allocationsByPaymentType").toString());
        assertEquals(
                "[{\"estate\":{\"id\":" + world.estate() + ",\"name\":\"Estate "
                        + world.company().id() + "\"},\"totalUnits\":5,\"allocatedUnits\":1,\"availableUnits\":4}]",
                summary.getJsonArray("estateUnits").toString());
        JsonObject busiest = summary.getJsonArray("marketerFigures").getJsonObject(0);
        assertEquals(
                world.marketer(),
                busiest.getJsonObject("marketer").getJsonNumber("id").longValue());
        assertEquals(1, busiest.getInt("clients"));
        assertEquals(1, busiest.getInt("allocations"));
        assertEquals(2, summary.getJsonArray("marketerFigures").size());
        assertEquals(403, api.get("/summary", world.marketerToken()).status());
    }

    @Test
    void aClientFindsWhomToWriteToAndStartsAConversation() {
        World world = World.build(api, fixtures, "Recipient Homes");
        String admin = world.company().adminToken();
        // A second client with a login, never written to, assigned to the world's marketer.
        Api.Reply newcomer = api.post(
                "/clients",
                admin,
                Fixtures.person("Nora New", "nora" + world.company().id() + "@r.test", "nora-password"));
        long newcomerId = newcomer.id();
        assertEquals(
                201,
                api.post(
                                "/assignments",
                                admin,
                                "{\"clientId\":" + newcomerId + ",\"marketerId\":" + world.marketer() + "}")
                        .status());
        String nora = fixtures.login(
                "nora" + world.company().id() + "@r.test",
                "nora-password",
                world.company().slug());
        assertEquals(0, api.get("/messages", nora).items().size());

        Set<Long> recipients = accountIds(api.get("/messages/recipients", nora));
        assertEquals(Set.of(world.marketerAccount(), world.adminAccount()), recipients, "its marketer and its admin");
        Api.Reply started = api.post(
                "/messages",
                nora,
                "{\"recipientId\":" + world.marketerAccount() + ",\"type\":\"ENQUIRY\",\"body\":\"Is A-2 free?\"}");
        assertEquals(201, started.status(), started::toString);
        assertEquals("Nora New", started.json().getJsonObject("sender").getString("name"));

        // The marketer may write to the admin and its own clients; the admin to everyone with a login.
        Set<Long> forMarketer = accountIds(api.get("/messages/recipients", world.marketerToken()));
        assertTrue(forMarketer.containsAll(Set.of(world.adminAccount(), world.clientAccount())), forMarketer::toString);
        assertTrue(!forMarketer.contains(world.marketerAccount()), "never oneself");
        Set<Long> forAdmin = accountIds(api.get("/messages/recipients?limit=500", admin));
        assertTrue(forAdmin.containsAll(Set.of(world.marketerAccount(), world.clientAccount())), forAdmin::toString);
        // ?q= narrows by name or uid; paging by account id walks them all once.
        Set<Long> named = accountIds(api.get("/messages/recipients?q=nora", admin));
        assertEquals(1, named.size(), named::toString);
        Api.Reply firstPage = api.get("/messages/recipients?limit=1", admin);
        Api.Reply secondPage = api.get(
                "/messages/recipients?limit=1&cursor=" + firstPage.json().getString("next"), admin);
        assertTrue(!accountIds(firstPage).equals(accountIds(secondPage)));

        // A deactivated marketer is no longer offered to its client.
        assertEquals(
                200,
                api.patch("/marketers/" + world.marketer(), admin, "{\"status\":\"DEACTIVATED\"}")
                        .status());
        assertEquals(Set.of(world.adminAccount()), accountIds(api.get("/messages/recipients", nora)));
    }

    @Test
    void peopleListsFilterByStatusAndMarketerAndCompaniesBySearch() {
        World world = World.build(api, fixtures, "Filter Homes");
        World other = World.build(api, fixtures, "Filter Other Homes");
        String admin = world.company().adminToken();
        long extra = api.post(
                        "/clients",
                        admin,
                        Fixtures.person("Ex Tra", "extra" + world.company().id() + "@f.test", null))
                .id();
        assertEquals(
                200,
                api.patch("/clients/" + extra, admin, "{\"status\":\"DEACTIVATED\"}")
                        .status());

        assertEquals(Set.of(world.client()), ids(api.get("/clients?status=ACTIVE", admin)));
        assertEquals(Set.of(extra), ids(api.get("/clients?status=DEACTIVATED", admin)));
        assertEquals(Set.of(world.client()), ids(api.get("/clients?marketerId=" + world.marketer(), admin)));
        assertEquals(Set.of(world.allocation()), ids(api.get("/allocations?marketerId=" + world.marketer(), admin)));
        assertEquals(Set.of(), ids(api.get("/allocations?marketerId=" + world.otherMarketer(), admin)));
        assertEquals(Set.of(), ids(api.get("/clients?marketerId=" + world.otherMarketer(), admin)));
        // Another company's marketer narrows to nothing, exactly like a missing one.
        assertEquals(
                api.get("/clients?marketerId=999999999", admin).body(),
                api.get("/clients?marketerId=" + other.marketer(), admin).body());
        assertEquals(2, ids(api.get("/marketers?status=ACTIVE", admin)).size());
        for (String bad : List.of("/clients?status=active", "/marketers?status=GONE", "/clients?marketerId=x")) {
            Api.Reply refused = api.get(bad, admin);
            assertEquals(400, refused.status(), bad);
            assertTrue(refused.isProblem());
        }
        assertTrue(api.get("/clients?status=GONE", admin)
                .json()
                .getString("detail")
                .contains("ACTIVE, DEACTIVATED"));

        String platform = fixtures.platformToken();
        String slug = world.company().slug();
        Set<Long> found = ids(api.get("/companies?limit=500&q=" + slug, platform));
        assertEquals(Set.of(world.company().id()), found);
        Api.Reply byPrefix =
                api.get("/companies?limit=500&q=" + world.company().prefix().toLowerCase(), platform);
        assertTrue(ids(byPrefix).contains(world.company().id()), byPrefix::toString);
        assertTrue(
                byPrefix.items().stream()
                        .allMatch(c -> c.asJsonObject()
                                .getString("prefix")
                                .startsWith(world.company().prefix())),
                byPrefix::toString);
        List<Long> newest = api.get("/companies?order=newest&limit=2", platform).items().stream()
                .map(item -> item.asJsonObject().getJsonNumber("id").longValue())
                .toList();
        assertTrue(newest.get(0) > newest.get(1), newest::toString);
        assertTrue(newest.get(0) >= other.company().id(), "the newest first");
        assertEquals(400, api.get("/companies?order=sideways", platform).status());
    }

    @Test
    void aDeactivatedClientTakesNoNewAssignmentOrPlot() {
        World world = World.build(api, fixtures, "Inactive Homes");
        String admin = world.company().adminToken();
        assertEquals(
                200,
                api.patch("/clients/" + world.client(), admin, "{\"status\":\"DEACTIVATED\"}")
                        .status());
        int assignments = api.get("/assignments?limit=500", admin).items().size();
        int allocations = api.get("/allocations?limit=500", admin).items().size();

        Api.Reply assign = api.post(
                "/assignments",
                admin,
                "{\"clientId\":" + world.client() + ",\"marketerId\":" + world.otherMarketer() + "}");
        Api.Reply allocate = api.post(
                "/allocations",
                admin,
                "{\"clientId\":" + world.client() + ",\"estateId\":" + world.estate() + ",\"plotSizeId\":"
                        + world.plotSize() + ",\"paymentType\":\"PART\"}");
        for (Api.Reply refused : List.of(assign, allocate)) {
            assertEquals(422, refused.status(), refused::toString);
            assertEquals(
                    "clientId",
                    refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        assertEquals(
                assignments, api.get("/assignments?limit=500", admin).items().size(), "nothing changed");
        assertEquals(
                allocations, api.get("/allocations?limit=500", admin).items().size(), "nothing changed");
    }

    @Test
    void aCsvImportReportsEveryBadRowAtOnceAndTakesBackItsOwnExport() {
        Fixtures.Company company = fixtures.company("Csv Readable Homes");
        String admin = company.adminToken();
        String taken = "taken" + company.id() + "@csv.test";
        assertEquals(
                201,
                api.post("/clients", admin, Fixtures.person("Already Here", taken, null))
                        .status());

        // Row 2 is fine, row 3 has a bad email, row 4 is already a client: one answer names rows 3 and 4.
        Api.Reply refused = importCsv(
                admin,
                "name,email,phone\r\nGood One,good" + company.id()
                        + "@csv.test,\r\nBad Mail,not-an-email,\r\nAlready Here," + taken + ",\r\n");
        assertEquals(400, refused.status(), refused::toString);
        Set<String> rows = refused.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field").replaceAll(":.*", ""))
                .collect(Collectors.toSet());
        assertEquals(Set.of("row 3", "row 4"), rows);
        assertTrue(refused.json().getString("detail").startsWith("2 rows have errors"), refused::toString);
        assertEquals(1, api.get("/clients", admin).items().size(), "nothing imported");

        // A byte-order mark and CRLF line ends, as spreadsheets save them.
        Api.Reply fromSpreadsheet = importCsv(
                admin,
                "\uFEFFname,email,phone\r\nSheet Person,sheet" + company.id() + "@csv.test,+234 803 000 0001\r\n");
        assertEquals(201, fromSpreadsheet.status(), fromSpreadsheet::toString);

        // The export, as downloaded, is accepted by another company's import: same people, new uids.
        Api.Reply export = api.send(
                api.request("/clients", admin).header("Accept", "text/csv").GET());
        assertEquals(200, export.status());
        Fixtures.Company elsewhere = fixtures.company("Csv Elsewhere Homes");
        Api.Reply reimported = importCsv(elsewhere.adminToken(), export.body());
        assertEquals(201, reimported.status(), reimported::toString);
        assertEquals(2, reimported.json().getInt("imported"), reimported::toString);
        Set<String> names = api.get("/clients", elsewhere.adminToken()).items().stream()
                .map(item -> item.asJsonObject().getString("name"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("Already Here", "Sheet Person"), names);
    }

    private Api.Reply importCsv(String token, String csv) {
        return api.send(api.request("/clients/import", token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    }

    private static String ref(long id, JsonObject person) {
        return "{\"id\":" + id + ",\"uid\":\"" + person.getString("uid") + "\",\"name\":\"" + person.getString("name")
                + "\"}";
    }

    private static String party(long accountId, JsonObject person, String role) {
        return "{\"accountId\":" + accountId + ",\"uid\":\"" + person.getString("uid") + "\",\"name\":\""
                + person.getString("name") + "\",\"role\":\"" + role + "\"}";
    }

    private static Set<Long> accountIds(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.items().stream()
                .map(item -> item.asJsonObject().getJsonNumber("accountId").longValue())
                .collect(Collectors.toSet());
    }

    private static Set<Long> ids(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.items().stream()
                .map(item -> item.asJsonObject().getJsonNumber("id").longValue())
                .collect(Collectors.toSet());
    }
}
