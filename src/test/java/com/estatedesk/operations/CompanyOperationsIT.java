package com.estatedesk.operations;

import com.estatedesk.testsupport.Api;
import com.estatedesk.testsupport.Concurrently;
import com.estatedesk.testsupport.Db;
import com.estatedesk.testsupport.Fixtures;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.World;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assignments, estates and plots, allocations under contention, and messages, over HTTP. */
@RunAsClient
class CompanyOperationsIT extends HttpApiTest {

    @Test
    void assignmentsAreUniqueAndDecideWhatMarketersSee() {
        World world = World.build(api, fixtures, "Assigning Homes");
        String admin = world.company().adminToken();
        long secondClient = fixtures.register(world.company(), "clients", "Second", "second@assign.test").id();

        assertEquals(List.of(world.client()), ids(api.get("/clients", world.marketerToken())));
        assertEquals(404, api.get("/clients/" + secondClient, world.marketerToken()).status());

        Api.Reply again = api.post("/assignments", admin, pair(world.client(), world.marketer()));
        assertEquals(409, again.status(), again::toString);
        Api.Reply second = api.post("/assignments", admin, pair(secondClient, world.marketer()));
        assertEquals(201, second.status(), second::toString);
        assertTrue(second.header("Location").orElse("").endsWith("/assignments/" + second.id()));
        assertEquals(List.of(world.client(), secondClient), ids(api.get("/clients", world.marketerToken())));
        assertEquals(200, api.get("/clients/" + secondClient, world.marketerToken()).status());

        assertEquals(List.of(second.id()), ids(api.get("/assignments?clientId=" + secondClient, admin)));
        assertEquals(2, ids(api.get("/assignments?marketerId=" + world.marketer(), admin)).size());
        assertEquals(400, api.get("/assignments?clientId=abc", admin).status());

        assertEquals(204, api.delete("/assignments/" + second.id(), admin).status());
        assertEquals(404, api.delete("/assignments/" + second.id(), admin).status());
        assertEquals(404, api.get("/clients/" + secondClient, world.marketerToken()).status());

        // Deactivated marketers take no new clients.
        api.patch("/marketers/" + world.otherMarketer(), admin, "{\"status\":\"DEACTIVATED\"}");
        assertEquals(409, api.post("/assignments", admin, pair(secondClient, world.otherMarketer())).status());
    }

    @Test
    void reassignmentMovesAllClientsAtOnce() {
        World world = World.build(api, fixtures, "Reassign Realty");
        String admin = world.company().adminToken();
        long[] clients = {world.client(),
                fixtures.register(world.company(), "clients", "Two", "two@reassign.test").id(),
                fixtures.register(world.company(), "clients", "Three", "three@reassign.test").id()};
        api.post("/assignments", admin, pair(clients[1], world.marketer()));
        api.post("/assignments", admin, pair(clients[2], world.marketer()));
        api.post("/assignments", admin, pair(clients[2], world.otherMarketer())); // already with the target

        assertEquals(200, api.patch("/marketers/" + world.marketer(), admin, "{\"status\":\"DEACTIVATED\"}").status());
        Api.Reply moved = api.post("/marketers/" + world.marketer() + "/reassign", admin,
                "{\"toMarketerId\":" + world.otherMarketer() + "}");
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(2, moved.json().getInt("moved"));
        assertEquals(1, moved.json().getInt("alreadyAssigned"));
        assertEquals(List.of(), ids(api.get("/assignments?marketerId=" + world.marketer(), admin)));
        assertEquals(3, ids(api.get("/assignments?marketerId=" + world.otherMarketer(), admin)).size());

        assertEquals(400, api.post("/marketers/" + world.otherMarketer() + "/reassign", admin,
                "{\"toMarketerId\":" + world.otherMarketer() + "}").status());
        assertEquals(409, api.post("/marketers/" + world.otherMarketer() + "/reassign", admin,
                "{\"toMarketerId\":" + world.marketer() + "}").status(), "the target is deactivated");
        assertEquals(3, ids(api.get("/assignments?marketerId=" + world.otherMarketer(), admin)).size(), "a refused move moves nothing");
    }

    @Test
    void estatesPlotSizesAndPlotNumbersAreUniquePerCompany() {
        World world = World.build(api, fixtures, "Estate Keepers");
        String admin = world.company().adminToken();
        assertEquals(409, api.post("/estates", admin, "{\"name\":\"ESTATE " + world.company().id() + "\",\"location\":\"x\","
                + "\"size\":1,\"sizeUnit\":\"ACRES\",\"titleDeed\":\"ROFO\"}").status());
        assertEquals(409, api.post("/plot-sizes", admin, "{\"size\":\"500 SQM\"}").status());
        assertEquals(409, api.post("/plot-numbers", admin, "{\"number\":\"a-1\"}").status());
        // Another company may use the same names.
        World other = World.build(api, fixtures, "Estate Keepers Two");
        assertEquals(201, api.post("/plot-numbers", other.company().adminToken(), "{\"number\":\"B-7\"}").status());

        for (String bad : List.of("{\"name\":\"E\",\"location\":\"x\",\"size\":1,\"sizeUnit\":\"YARDS\",\"titleDeed\":\"ROFO\"}",
                "{\"name\":\"E\",\"location\":\"x\",\"size\":-1,\"sizeUnit\":\"ACRES\",\"titleDeed\":\"ROFO\"}",
                "{\"name\":\"E\",\"location\":\"x\",\"size\":\"big\",\"sizeUnit\":\"ACRES\",\"titleDeed\":\"ROFO\"}",
                "{\"name\":\"E\",\"location\":\"x\",\"size\":1,\"sizeUnit\":\"ACRES\"}")) {
            Api.Reply reply = api.post("/estates", admin, bad);
            assertEquals(400, reply.status(), () -> bad + " -> " + reply);
            assertTrue(reply.isProblem());
        }

        JsonObject plots = api.get("/estates/" + world.estate() + "/plots", world.marketerToken()).json();
        JsonObject plot = plots.getJsonArray("items").getJsonObject(0);
        assertEquals(world.plotSize(), plot.getJsonNumber("plotSizeId").longValue());
        assertEquals("500 sqm", plot.getString("size"));
        assertEquals(5, plot.getInt("totalUnits"));
        assertEquals(4, plot.getInt("availableUnits"));
        Map<String, Boolean> allocated = plot.getJsonArray("plotNumbers").stream().map(n -> n.asJsonObject())
                .collect(Collectors.toMap(n -> n.getString("number"), n -> n.getBoolean("allocated")));
        assertEquals(Map.of("A-1", true, "A-2", false), allocated);

        assertEquals(409, api.post("/estates/" + world.estate() + "/plots", admin,
                "{\"plotSizeId\":" + world.plotSize() + ",\"totalUnits\":3}").status(), "one entry per plot size");
        long size = api.post("/plot-sizes", admin, "{\"size\":\"1000 sqm\"}").id();
        assertEquals(409, api.post("/estates/" + world.estate() + "/plots", admin,
                "{\"plotSizeId\":" + size + ",\"totalUnits\":3,\"plotNumberIds\":[" + world.freePlotNumber() + "]}").status(),
                "a plot number is laid out once per estate");
        assertEquals(400, api.post("/estates/" + world.estate() + "/plots", admin,
                "{\"plotSizeId\":" + size + ",\"totalUnits\":0}").status());
    }

    @Test
    void raceForTheLastUnitsHasExactlyAsManyWinnersAsUnits() {
        World world = World.build(api, fixtures, "Last Units");
        String admin = world.company().adminToken();
        long size = api.post("/plot-sizes", admin, "{\"size\":\"300 sqm\"}").id();
        assertEquals(201, api.post("/estates/" + world.estate() + "/plots", admin,
                "{\"plotSizeId\":" + size + ",\"totalUnits\":10}").status());

        List<Api.Reply> replies = Concurrently.run(50, i -> api.post("/allocations", i % 2 == 0 ? admin : world.marketerToken(),
                "{\"clientId\":" + world.client() + ",\"estateId\":" + world.estate() + ",\"plotSizeId\":" + size
                        + ",\"paymentType\":\"PART\"}"));

        assertEquals(Map.of(201, 10L, 409, 40L), statuses(replies), () -> replies.stream()
                .filter(reply -> reply.status() != 201 && reply.status() != 409).findFirst().map(Object::toString).orElse(""));
        assertEquals(0, Db.single("select available_units from estate_plot where estate_id = ? and plot_size_id = ?",
                world.estate(), size));
        assertEquals(10, Db.single("select count(*) from allocation a join estate_plot p on p.id = a.estate_plot_id"
                + " where p.estate_id = ? and p.plot_size_id = ?", world.estate(), size));
    }

    @Test
    void raceForOnePlotNumberHasOneWinner() {
        World world = World.build(api, fixtures, "One Number");
        List<Api.Reply> replies = Concurrently.run(50, i -> api.post("/allocations",
                i % 2 == 0 ? world.company().adminToken() : world.marketerToken(),
                "{\"clientId\":" + world.client() + ",\"estateId\":" + world.estate() + ",\"plotSizeId\":" + world.plotSize()
                        + ",\"plotNumberId\":" + world.freePlotNumber() + ",\"paymentType\":\"FULL\"}"));

        assertEquals(Map.of(201, 1L, 409, 49L), statuses(replies));
        assertEquals(1, Db.single("select count(*) from allocation where estate_id = ? and plot_number_id = ?",
                world.estate(), world.freePlotNumber()));
        assertEquals(3, Db.single("select available_units from estate_plot where estate_id = ? and plot_size_id = ?",
                world.estate(), world.plotSize()));
    }

    @Test
    void allocationRulesAndVisibility() {
        World world = World.build(api, fixtures, "Allocation Rules");
        String admin = world.company().adminToken();
        String base = "{\"clientId\":" + world.client() + ",\"estateId\":" + world.estate() + ",\"plotSizeId\":" + world.plotSize();
        Api.Reply noNumber = api.post("/allocations", admin, base + ",\"paymentType\":\"FULL\"}");
        assertEquals(400, noNumber.status(), noNumber::toString);
        assertEquals(400, api.post("/allocations", admin, base + ",\"paymentType\":\"CASH\"}").status());
        long elsewhere = api.post("/plot-numbers", admin, "{\"number\":\"Z-9\"}").id();
        assertEquals(422, api.post("/allocations", admin, base + ",\"plotNumberId\":" + elsewhere + ",\"paymentType\":\"FULL\"}").status(),
                "a plot number not laid out in this estate plot");
        Api.Reply taken = api.post("/allocations", admin, base + ",\"plotNumberId\":" + world.plotNumber() + ",\"paymentType\":\"FULL\"}");
        assertEquals(409, taken.status(), taken::toString);

        // A marketer allocates only for its own clients; another client answers like a missing one.
        long unassigned = fixtures.register(world.company(), "clients", "Loner", "loner@alloc.test").id();
        Api.Reply notMine = api.post("/allocations", world.marketerToken(),
                base.replace("\"clientId\":" + world.client(), "\"clientId\":" + unassigned) + ",\"paymentType\":\"PART\"}");
        assertEquals(422, notMine.status(), notMine::toString);

        assertEquals(List.of(world.allocation()), ids(api.get("/allocations?clientId=" + world.client(), world.clientToken())));
        assertEquals(List.of(world.allocation()), ids(api.get("/allocations?estateId=" + world.estate(), world.marketerToken())));
        Api.Reply own = api.get("/allocations/" + world.allocation(), world.clientToken());
        assertEquals(200, own.status());
        assertEquals(world.plotNumber(), own.json().getJsonNumber("plotNumberId").longValue());
        assertEquals("FULL", own.json().getString("paymentType"));
        assertEquals(403, api.post("/allocations", world.clientToken(), base + ",\"paymentType\":\"PART\"}").status());
    }

    @Test
    void messagesStayBetweenTheirSenderAndRecipient() {
        World world = World.build(api, fixtures, "Message House");
        Api.Reply inbox = api.get("/messages?box=inbox", world.clientToken());
        assertEquals(List.of(world.message()), ids(inbox));
        assertEquals(List.of(), ids(api.get("/messages?box=inbox", world.marketerToken())));
        assertEquals(List.of(world.message()), ids(api.get("/messages?box=sent", world.marketerToken())));
        assertEquals(List.of(), ids(api.get("/messages", world.company().adminToken())));
        assertEquals(404, api.get("/messages/" + world.message(), world.company().adminToken()).status());

        assertEquals(403, api.patch("/messages/" + world.message(), world.marketerToken(), "{\"read\":true}").status());
        Api.Reply read = api.patch("/messages/" + world.message(), world.clientToken(), "{\"read\":true}");
        assertEquals(200, read.status(), read::toString);
        assertTrue(read.json().getBoolean("read"));
        assertEquals(400, api.patch("/messages/" + world.message(), world.clientToken(), "{\"read\":\"yes\"}").status());
        assertEquals(400, api.patch("/messages/" + world.message(), world.clientToken(), "{\"body\":\"edited\"}").status());

        Api.Reply reply = api.post("/messages", world.clientToken(), "{\"recipientId\":" + world.marketerAccount()
                + ",\"type\":\"COMPLIMENT\",\"body\":\"Thank you!\"}");
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(world.clientAccount(), reply.json().getJsonNumber("senderId").longValue());
        assertEquals(400, api.post("/messages", world.clientToken(), "{\"recipientId\":" + world.clientAccount()
                + ",\"type\":\"ENQUIRY\",\"body\":\"me\"}").status(), "not to oneself");
        assertEquals(400, api.post("/messages", world.clientToken(), "{\"recipientId\":" + world.marketerAccount()
                + ",\"type\":\"SPAM\",\"body\":\"x\"}").status());
        assertEquals(400, api.post("/messages", world.clientToken(), "{\"recipientId\":" + world.marketerAccount()
                + ",\"type\":\"ENQUIRY\",\"body\":\"" + "x".repeat(5001) + "\"}").status());
        assertFalse(api.get("/messages/" + reply.id(), world.marketerToken()).json().getBoolean("read"));
    }

    private static String pair(long client, long marketer) {
        return "{\"clientId\":" + client + ",\"marketerId\":" + marketer + "}";
    }

    private static List<Long> ids(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.items().stream().map(item -> item.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    private static Map<Integer, Long> statuses(List<Api.Reply> replies) {
        return replies.stream().collect(Collectors.groupingBy(Api.Reply::status, Collectors.counting()));
    }
}
