package com.estatedesk.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * One company with one of everything, made through the API: people with logins, an assignment, an
 * estate with plots, an allocation and a message. Isolation tests build two and cross them.
 */
public record World(
        Fixtures.Company company,
        String marketerToken,
        String clientToken,
        long marketer,
        long otherMarketer,
        long client,
        long assignment,
        long estate,
        long plotSize,
        long plotNumber,
        long freePlotNumber,
        long allocation,
        long message,
        long adminAccount,
        long marketerAccount,
        long clientAccount,
        long activity) {

    public static final String PASSWORD = "world-password";

    /**
     * Which row of a world an id in a path names: "{id}" after a collection segment, or a named parameter.
     * The matrices built on the resource classes fill their paths from it; a new kind of id fails them
     * until it is added here.
     */
    public static final java.util.Map<String, java.util.function.ToLongFunction<World>> ID_KINDS = java.util.Map.of(
            "marketers",
            World::marketer,
            "clients",
            World::client,
            "assignments",
            World::assignment,
            "estates",
            World::estate,
            "plot-sizes",
            World::plotSize,
            "plot-numbers",
            World::plotNumber,
            "allocations",
            World::allocation,
            "messages",
            World::message,
            "plotSizeId",
            World::plotSize,
            "companies",
            world -> world.company().id());

    public static World build(Api api, Fixtures fixtures, String label) {
        Fixtures.Company company = fixtures.company(label);
        String admin = company.adminToken();
        String tag = Long.toString(company.id());
        JsonObject marketer = created(
                api.post("/marketers", admin, Fixtures.person("Mark " + tag, "mark" + tag + "@world.test", PASSWORD)));
        long otherMarketer = created(api.post(
                        "/marketers", admin, Fixtures.person("Other " + tag, "other" + tag + "@world.test", null)))
                .getJsonNumber("id")
                .longValue();
        // an invitation not yet accepted: a one-time link (account_token) for isolation to protect
        created(api.post("/marketers/" + otherMarketer + "/invitation", admin, ""));
        JsonObject client = created(
                api.post("/clients", admin, Fixtures.person("Cliff " + tag, "cliff" + tag + "@world.test", PASSWORD)));
        long marketerId = marketer.getJsonNumber("id").longValue();
        long clientId = client.getJsonNumber("id").longValue();
        long assignment = id(api.post(
                "/assignments",
                admin,
                Json.createObjectBuilder()
                        .add("clientId", clientId)
                        .add("marketerId", marketerId)
                        .build()
                        .toString()));
        long estate = id(api.post(
                "/estates",
                admin,
                "{\"name\":\"Estate " + tag + "\",\"location\":\"Lekki, Lagos\","
                        + "\"size\":12.5,\"sizeUnit\":\"HECTARES\",\"titleDeed\":\"GAZETTE\"}"));
        long plotSize = id(api.post("/plot-sizes", admin, "{\"size\":\"500 sqm\"}"));
        long plotNumber = id(api.post("/plot-numbers", admin, "{\"number\":\"A-1\"}"));
        long freePlotNumber = id(api.post("/plot-numbers", admin, "{\"number\":\"A-2\"}"));
        created(api.post(
                "/estates/" + estate + "/plots",
                admin,
                "{\"plotSizeId\":" + plotSize + ",\"totalUnits\":5," + "\"plotNumberIds\":[" + plotNumber + ","
                        + freePlotNumber + "]}"));
        long allocation = id(api.post(
                "/allocations",
                admin,
                "{\"clientId\":" + clientId + ",\"estateId\":" + estate + ",\"plotSizeId\":" + plotSize
                        + ",\"plotNumberId\":" + plotNumber + ",\"paymentType\":\"FULL\"}"));
        String marketerToken = fixtures.login("mark" + tag + "@world.test", PASSWORD, company.slug());
        String clientToken = fixtures.login("cliff" + tag + "@world.test", PASSWORD, company.slug());
        long adminAccount =
                api.get("/me", admin).json().getJsonNumber("accountId").longValue();
        long marketerAccount = marketer.getJsonNumber("accountId").longValue();
        long clientAccount = client.getJsonNumber("accountId").longValue();
        long message = id(api.post(
                "/messages",
                marketerToken,
                "{\"recipientId\":" + clientAccount + ",\"type\":\"ENQUIRY\",\"body\":\"Hello from " + tag + "\"}"));
        // the newest entry of the company's activity log (the message just sent)
        long activity = api.get("/activity?limit=1", admin)
                .items()
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        return new World(
                company,
                marketerToken,
                clientToken,
                marketerId,
                otherMarketer,
                clientId,
                assignment,
                estate,
                plotSize,
                plotNumber,
                freePlotNumber,
                allocation,
                message,
                adminAccount,
                marketerAccount,
                clientAccount,
                activity);
    }

    /** The token of a role in this company. */
    public String token(String role) {
        return switch (role) {
            case "COMPANY_ADMIN" -> company.adminToken();
            case "MARKETER" -> marketerToken;
            case "CLIENT" -> clientToken;
            default -> throw new IllegalArgumentException(role);
        };
    }

    private static JsonObject created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    private static long id(Api.Reply reply) {
        return created(reply).getJsonNumber("id").longValue();
    }
}
