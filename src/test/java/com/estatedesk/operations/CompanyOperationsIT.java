package com.estatedesk.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.testsupport.Api;
import com.estatedesk.testsupport.Concurrently;
import com.estatedesk.testsupport.Db;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.World;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Assignments, estates and plots, allocations under contention, and messages, over HTTP. */
class CompanyOperationsIT extends HttpApiTest {

    @Test
    void assignmentsAreUniqueAndDecideWhatMarketersSee() {
        World world = World.build(api, fixtures, "Assigning Homes");
        String admin = world.company().adminToken();
        long secondClient = fixtures.register(world.company(), "clients", "Second", "second@assign.test")
                .id();

        assertEquals(List.of(world.client()), ids(api.get("/clients", world.marketerToken())));
        assertEquals(
                404, api.get("/clients/" + secondClient, world.marketerToken()).status());

        Api.Reply again = api.post("/assignments", admin, pair(world.client(), world.marketer()));
        assertEquals(409, again.status(), again::toString);
        Api.Reply second = api.post("/assignments", admin, pair(secondClient, world.marketer()));
        assertEquals(201, second.status(), second::toString);
        assertTrue(second.header("Location").orElse("").endsWith("/assignments/" + second.id()));
        assertEquals(List.of(world.client(), secondClient), ids(api.get("/clients", world.marketerToken())));
        assertEquals(
                200, api.get("/clients/" + secondClient, world.marketerToken()).status());

        assertEquals(List.of(second.id()), ids(api.get("/assignments?clientId=" + secondClient, admin)));
        assertEquals(
                2,
                ids(api.get("/assignments?marketerId=" + world.marketer(), admin))
                        .size());
        assertEquals(400, api.get("/assignments?clientId=abc", admin).status());

        assertEquals(204, api.delete("/assignments/" + second.id(), admin).status());
        assertEquals(404, api.delete("/assignments/" + second.id(), admin).status());
        assertEquals(
                404, api.get("/clients/" + secondClient, world.marketerToken()).status());

        // Deactivated marketers take no new clients.
        api.patch("/marketers/" + world.otherMarketer(), admin, "{\"status\":\"DEACTIVATED\"}");
        assertEquals(
                409,
                api.post("/assignments", admin, pair(secondClient, world.otherMarketer()))
                        .status());
    }

    @Test
    void reassignmentMovesAllClientsAtOnce() {
        World world = World.build(api, fixtures, "Reassign Realty");
        String admin = world.company().adminToken();
        long[] clients = {
            world.client(),
            fixtures.register(world.company(), "clients", "Two", "two@reassign.test")
                    .id(),
            fixtures.register(world.company(), "clients", "Three", "three@reassign.test")
                    .id()
        };
        api.post("/assignments", admin, pair(clients[1], world.marketer()));
        api.post("/assignments", admin, pair(clients[2], world.marketer()));
        api.post("/assignments", admin, pair(clients[2], world.otherMarketer())); // already with the target

        assertEquals(
                200,
                api.patch("/marketers/" + world.marketer(), admin, "{\"status\":\"DEACTIVATED\"}")
                        .status());
        Api.Reply moved = api.post(
                "/marketers/" + world.marketer() + "/reassign",
                admin,
                "{\"toMarketerId\":" + world.otherMarketer() + "}");
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(2, moved.json().getInt("moved"));
        assertEquals(1, moved.json().getInt("alreadyAssigned"));
        assertEquals(List.of(), ids(api.get("/assignments?marketerId=" + world.marketer(), admin)));
        assertEquals(
                3,
                ids(api.get("/assignments?marketerId=" + world.otherMarketer(), admin))
                        .size());

        assertEquals(
                400,
                api.post(
                                "/marketers/" + world.otherMarketer() + "/reassign",
                                admin,
                                "{\"toMarketerId\":" + world.otherMarketer() + "}")
                        .status());
        assertEquals(
                409,
                api.post(
                                "/marketers/" + world.otherMarketer() + "/reassign",
                                admin,
                                "{\"toMarketerId\":" + world.marketer() + "}")
                        .status(),
                "the target is deactivated");
        assertEquals(
                3,
                ids(api.get("/assignments?marketerId=" + world.otherMarketer(), admin))
                        .size(),
                "a refused move moves nothing");
    }

    @Test
    void estatesPlotSizesAndPlotNumbersAreUniquePerCompany() {
        World world = World.build(api, fixtures, "Estate Keepers");
        String admin = world.company().adminToken();
        assertEquals(
                409,
                api.post(
                                "/estates",
                                admin,
                                "{\"name\":\"ESTATE " + world.company().id() + "\",\"location\":\"x\","
                                        + "\"size\":1,\"sizeUnit\":\"ACRES\",\"titleDeed\":\"ROFO\"}")
                        .status());
        assertEquals(
                409, api.post("/plot-sizes", admin, "{\"size\":\"500 SQM\"}").status());
        assertEquals(
                409, api.post("/plot-numbers", admin, "{\"number\":\"a-1\"}").status());
        // Another company may use the same names.
        World other = World.build(api, fixtures, "Estate Keepers Two");
        assertEquals(
                201,
                api.post("/plot-numbers", other.company().adminToken(), "{\"number\":\"B-7\"}")
                        .status());

        for (String bad : List.of(
                "{\"name\":\"E\",\"location\":\"x\",\"size\":1,\"sizeUnit\":\"YARDS\",\"titleDeed\":\"ROFO\"}",
                "{\"name\":\"E\",\"location\":\"x\",\"size\":-1,\"sizeUnit\":\"ACRES\",\"titleDeed\":\"ROFO\"}",
                "{\"name\":\"E\",\"location\":\"x\",\"size\":\"big\",\"sizeUnit\":\"ACRES\",\"titleDeed\":\"ROFO\"}",
                "{\"name\":\"E\",\"location\":\"x\",\"size\":1,\"sizeUnit\":\"ACRES\"}")) {
            Api.Reply reply = api.post("/estates", admin, bad);
            assertEquals(400, reply.status(), () -> bad + " -> " + reply);
            assertTrue(reply.isProblem());
        }

        JsonObject plots = api.get("/estates/" + world.estate() + "/plots", world.marketerToken())
                .json();
        JsonObject plot = plots.getJsonArray("items").getJsonObject(0);
        assertEquals(world.plotSize(), plot.getJsonNumber("plotSizeId").longValue());
        assertEquals("500 sqm", plot.getString("size"));
        assertEquals(5, plot.getInt("totalUnits"));
        assertEquals(4, plot.getInt("availableUnits"));
        Map<String, Boolean> allocated = plot.getJsonArray("plotNumbers").stream()
                .map(n -> n.asJsonObject())
                .collect(Collectors.toMap(n -> n.getString("number"), n -> n.getBoolean("allocated")));
        assertEquals(Map.of("A-1", true, "A-2", false), allocated);

        assertEquals(
                409,
                api.post(
                                "/estates/" + world.estate() + "/plots",
                                admin,
                                "{\"plotSizeId\":" + world.plotSize() + ",\"totalUnits\":3}")
                        .status(),
                "one entry per plot size");
        long size = api.post("/plot-sizes", admin, "{\"size\":\"1000 sqm\"}").id();
        assertEquals(
                409,
                api.post(
                                "/estates/" + world.estate() + "/plots",
                                admin,
                                "{\"plotSizeId\":" + size + ",\"totalUnits\":3,\"plotNumberIds\":["
                                        + world.freePlotNumber() + "]}")
                        .status(),
                "a plot number is laid out once per estate");
        assertEquals(
                400,
                api.post(
                                "/estates/" + world.estate() + "/plots",
                                admin,
                                "{\"plotSizeId\":" + size + ",\"totalUnits\":0}")
                        .status());
    }

    @Test
    void raceForTheLastUnitsHasExactlyAsManyWinnersAsUnits() {
        World world = World.build(api, fixtures, "Last Units");
        String admin = world.company().adminToken();
        long size = api.post("/plot-sizes", admin, "{\"size\":\"300 sqm\"}").id();
        assertEquals(
                201,
                api.post(
                                "/estates/" + world.estate() + "/plots",
                                admin,
                                "{\"plotSizeId\":" + size + ",\"totalUnits\":10}")
                        .status());

        List<Api.Reply> replies = Concurrently.run(
                50,
                i -> api.post(
                        "/allocations",
                        i % 2 == 0 ? admin : world.marketerToken(),
                        "{\"clientId\":" + world.client() + ",\"estateId\":" + world.estate() + ",\"plotSizeId\":"
                                + size + ",\"paymentType\":\"PART\"}"));

        assertEquals(
                Map.of(201, 10L, 409, 40L),
                statuses(replies),
                () -> replies.stream()
                        .filter(reply -> reply.status() != 201 && reply.status() != 409)
                        .findFirst()
                        .map(Object::toString)
                        .orElse(""));
        assertEquals(
                0,
                Db.single(
                        "select available_units from estate_plot where estate_id = ? and plot_size_id = ?",
                        world.estate(),
                        size));
        assertEquals(
                10,
                Db.single(
                        "select count(*) from allocation a join estate_plot p on p.id = a.estate_plot_id"
                                + " where p.estate_id = ? and p.plot_size_id = ?",
                        world.estate(),
                        size));
    }

    @Test
    void raceForOnePlotNumberHasOneWinner() {
        World world = World.build(api, fixtures, "One Number");
        List<Api.Reply> replies = Concurrently.run(
                50,
                i -> api.post(
                        "/allocations",
                        i % 2 == 0 ? world.company().adminToken() : world.marketerToken(),
                        "{\"clientId\":" + world.client() + ",\"estateId\":" + world.estate() + ",\"plotSizeId\":"
                                + world.plotSize() + ",\"plotNumberId\":" + world.freePlotNumber()
                                + ",\"paymentType\":\"FULL\"}"));

        assertEquals(Map.of(201, 1L, 409, 49L), statuses(replies));
        assertEquals(
                1,
                Db.single(
                        "select count(*) from allocation where estate_id = ? and plot_number_id = ?",
                        world.estate(),
                        world.freePlotNumber()));
        assertEquals(
                3,
                Db.single(
                        "select available_units from estate_plot where estate_id = ? and plot_size_id = ?",
                        world.estate(),
                        world.plotSize()));
    }

    @Test
    void allocationRulesAndVisibility() {
        World world = World.build(api, fixtures, "Allocation Rules");
        String admin = world.company().adminToken();
        String base = "{\"clientId\":" + world.client() + ",\"estateId\":" + world.estate() + ",\"plotSizeId\":"
                + world.plotSize();
        Api.Reply noNumber = api.post("/allocations", admin, base + ",\"paymentType\":\"FULL\"}");
        assertEquals(400, noNumber.status(), noNumber::toString);
        assertEquals(
                400,
                api.post("/allocations", admin, base + ",\"paymentType\":\"CASH\"}")
                        .status());
        long elsewhere =
                api.post("/plot-numbers", admin, "{\"number\":\"Z-9\"}").id();
        assertEquals(
                422,
                api.post("/allocations", admin, base + ",\"plotNumberId\":" + elsewhere + ",\"paymentType\":\"FULL\"}")
                        .status(),
                "a plot number not laid out in this estate plot");
        Api.Reply taken = api.post(
                "/allocations", admin, base + ",\"plotNumberId\":" + world.plotNumber() + ",\"paymentType\":\"FULL\"}");
        assertEquals(409, taken.status(), taken::toString);

        // A marketer allocates only for its own clients; another client answers like a missing one.
        long unassigned = fixtures.register(world.company(), "clients", "Loner", "loner@alloc.test")
                .id();
        Api.Reply notMine = api.post(
                "/allocations",
                world.marketerToken(),
                base.replace("\"clientId\":" + world.client(), "\"clientId\":" + unassigned)
                        + ",\"paymentType\":\"PART\"}");
        assertEquals(422, notMine.status(), notMine::toString);

        assertEquals(
                List.of(world.allocation()),
                ids(api.get("/allocations?clientId=" + world.client(), world.clientToken())));
        assertEquals(
                List.of(world.allocation()),
                ids(api.get("/allocations?estateId=" + world.estate(), world.marketerToken())));
        Api.Reply own = api.get("/allocations/" + world.allocation(), world.clientToken());
        assertEquals(200, own.status());
        assertEquals(
                world.plotNumber(), own.json().getJsonNumber("plotNumberId").longValue());
        assertEquals("FULL", own.json().getString("paymentType"));
        assertEquals(
                403,
                api.post("/allocations", world.clientToken(), base + ",\"paymentType\":\"PART\"}")
                        .status());
    }

    @Test
    void messagesStayBetweenTheirSenderAndRecipient() {
        World world = World.build(api, fixtures, "Message House");
        Api.Reply inbox = api.get("/messages?box=inbox", world.clientToken());
        assertEquals(List.of(world.message()), ids(inbox));
        assertEquals(List.of(), ids(api.get("/messages?box=inbox", world.marketerToken())));
        assertEquals(List.of(world.message()), ids(api.get("/messages?box=sent", world.marketerToken())));
        assertEquals(List.of(), ids(api.get("/messages", world.company().adminToken())));
        assertEquals(
                404,
                api.get("/messages/" + world.message(), world.company().adminToken())
                        .status());

        assertEquals(
                403,
                api.patch("/messages/" + world.message(), world.marketerToken(), "{\"read\":true}")
                        .status());
        Api.Reply read = api.patch("/messages/" + world.message(), world.clientToken(), "{\"read\":true}");
        assertEquals(200, read.status(), read::toString);
        assertTrue(read.json().getBoolean("read"));
        assertEquals(
                400,
                api.patch("/messages/" + world.message(), world.clientToken(), "{\"read\":\"yes\"}")
                        .status());
        assertEquals(
                400,
                api.patch("/messages/" + world.message(), world.clientToken(), "{\"body\":\"edited\"}")
                        .status());

        Api.Reply reply = api.post(
                "/messages",
                world.clientToken(),
                "{\"recipientId\":" + world.marketerAccount() + ",\"type\":\"COMPLIMENT\",\"body\":\"Thank you!\"}");
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(
                world.clientAccount(), reply.json().getJsonNumber("senderId").longValue());
        assertEquals(
                400,
                api.post(
                                "/messages",
                                world.clientToken(),
                                "{\"recipientId\":" + world.clientAccount() + ",\"type\":\"ENQUIRY\",\"body\":\"me\"}")
                        .status(),
                "not to oneself");
        assertEquals(
                400,
                api.post(
                                "/messages",
                                world.clientToken(),
                                "{\"recipientId\":" + world.marketerAccount() + ",\"type\":\"SPAM\",\"body\":\"x\"}")
                        .status());
        assertEquals(
                400,
                api.post(
                                "/messages",
                                world.clientToken(),
                                "{\"recipientId\":" + world.marketerAccount() + ",\"type\":\"ENQUIRY\",\"body\":\""
                                        + "x".repeat(5001) + "\"}")
                        .status());
        assertFalse(
                api.get("/messages/" + reply.id(), world.marketerToken()).json().getBoolean("read"));
    }

    @Test
    void bulkImportIsAllOrNothingAndGapless() {
        World world = World.build(api, fixtures, "Bulk Import Homes");
        String admin = world.company().adminToken();
        StringBuilder csv = new StringBuilder("name,email,phone\n");
        // More rows than the service writes between two flushes of the persistence context (2 000).
        for (int i = 1; i <= 4500; i++) {
            csv.append("Buyer ")
                    .append(i)
                    .append(",buyer")
                    .append(i)
                    .append("@bulk.test,")
                    .append(i % 3 == 0 ? "+234 800 " + i : "")
                    .append('\n');
        }
        Api.Reply imported = importCsv(admin, csv.toString());
        assertEquals(201, imported.status(), imported::toString);
        assertEquals(4500, imported.json().getInt("imported"));
        assertEquals(world.company().prefix() + "-CLT002", imported.json().getString("firstUid"));
        assertEquals(world.company().prefix() + "-CLT4501", imported.json().getString("lastUid"));
        assertEquals(
                java.util.stream.LongStream.rangeClosed(1, 4501).boxed().toList(),
                Db.longs(
                        "select uid_number from client where company_id = ? order by uid_number",
                        world.company().id()));

        // One bad row anywhere: nothing is created, and the report names the rows.
        String bad = "name,email,phone\nGood One,good1@bulk.test,\n,blank@bulk.test,\nBad Mail,not-an-email,\n"
                + "Twice,good1@bulk.test,\nOld,buyer7@bulk.test,\n";
        Api.Reply refused = importCsv(admin, bad);
        assertEquals(400, refused.status(), refused::toString);
        List<String> fields = refused.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .toList();
        assertTrue(fields.containsAll(List.of("row 3: name", "row 4: email", "row 5: email")), fields::toString);
        assertEquals(0, Db.single("select count(*) from client where email = 'good1@bulk.test'"));
        Api.Reply existing = importCsv(admin, "name,email,phone\nOld,buyer7@bulk.test,\n");
        assertEquals(400, existing.status());
        assertEquals(
                "row 2: email",
                existing.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(
                4501,
                Db.single(
                        "select last_value from company_sequence where company_id = ? and seq_key = 'CLT'",
                        world.company().id()),
                "refused imports take no numbers");

        assertEquals(400, importCsv(admin, "email,name\nx@y.test,X\n").status(), "wrong header");
        assertEquals(400, importCsv(admin, "name,email,phone\n").status(), "no rows");
        assertEquals(
                403,
                importCsv(world.marketerToken(), "name,email,phone\nM,m@bulk.test,\n")
                        .status());
        assertEquals(415, api.post("/clients/import", admin, "[]").status());
    }

    @Test
    void clientsExportAsCsvForWhoeverMayReadThem() {
        World world = World.build(api, fixtures, "Export Homes");
        fixtures.register(world.company(), "clients", "Quote, \"the\" Buyer", "quote@export.test");
        Api.Reply all = api.send(api.request("/clients", world.company().adminToken())
                .header("Accept", "text/csv")
                .GET());
        assertEquals(200, all.status(), all::toString);
        assertTrue(all.contentType().startsWith("text/csv"), all::contentType);
        List<String> lines = all.body().lines().toList();
        assertEquals("uid,number,name,email,phone,status,createdAt", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).contains("\"Quote, \"\"the\"\" Buyer\""), lines.get(2));
        // The marketer exports only its assigned client; without Accept the list stays JSON.
        List<String> marketer = api.send(api.request("/clients", world.marketerToken())
                        .header("Accept", "text/csv")
                        .GET())
                .body()
                .lines()
                .toList();
        assertEquals(2, marketer.size());
        assertTrue(marketer.get(1).startsWith(world.company().prefix() + "-CLT001,"));
        assertTrue(
                api.get("/clients", world.company().adminToken()).contentType().startsWith("application/json"));
    }

    private Api.Reply importCsv(String token, String csv) {
        return api.send(api.request("/clients/import", token)
                .header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)));
    }

    private static String pair(long client, long marketer) {
        return "{\"clientId\":" + client + ",\"marketerId\":" + marketer + "}";
    }

    private static List<Long> ids(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.items().stream()
                .map(item -> item.asJsonObject().getJsonNumber("id").longValue())
                .toList();
    }

    private static Map<Integer, Long> statuses(List<Api.Reply> replies) {
        return replies.stream().collect(Collectors.groupingBy(Api.Reply::status, Collectors.counting()));
    }
}
