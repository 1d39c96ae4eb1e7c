package com.estatedesk.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.estatedesk.platform.openapi.ResourceModel.Endpoint;
import com.estatedesk.platform.tenancy.CompanyTables;
import com.estatedesk.testsupport.Api;
import com.estatedesk.testsupport.Db;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.ResourceModel;
import com.estatedesk.testsupport.TestDatabase;
import com.estatedesk.testsupport.World;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Guarantee 2 of the SPEC: a request of company A can neither read, change nor detect company B's
 * rows. The matrices are generated from the deployed resource classes: a new endpoint is covered
 * without editing this test (a new kind of id makes it fail until it is mapped below).
 */
class CompanyIsolationIT extends HttpApiTest {

    static final long MISSING = 8_000_000_000L;
    static final List<String> COMPANY_TABLES = CompanyTables.ALL;

    /** Filters that, given B's id or prefix, must find nothing at all. */
    static final List<String> FILTERS_NAMING_B = List.of(
            "/marketers?q=",
            "/clients?q=",
            "/assignments?clientId=",
            "/assignments?marketerId=",
            "/clients?marketerId=",
            "/allocations?clientId=",
            "/allocations?estateId=",
            "/allocations?marketerId=");

    World a;
    World b;
    /** B's rows per company table, right after B's world was built. */
    Map<String, Long> bRowsAtStart;

    @BeforeEach
    void twoCompanies() {
        a = World.build(api, fixtures, "Alpha Homes");
        b = World.build(api, fixtures, "Bravo Homes");
        bRowsAtStart = rowsOf(b);
        bRowsAtStart.forEach(
                (table, rows) -> assertTrue(rows > 0, () -> "B's world has no " + table + " row to protect"));
    }

    private static Map<String, Long> rowsOf(World world) {
        return COMPANY_TABLES.stream()
                .collect(Collectors.toMap(
                        table -> table,
                        table -> Db.single(
                                "select count(*) from " + table + " where company_id = ?",
                                world.company().id())));
    }

    @Test
    void foreignIdsInPathsLookExactlyLikeMissingOnes() {
        int cases = 0;
        for (Endpoint endpoint : ResourceModel.endpoints()) {
            if (!endpoint.hasPathIds() || endpoint.template().startsWith("/companies")) {
                continue; // companies are the platform's, not a company's
            }
            List<String> parameters = pathParameters(endpoint.template());
            for (int position = 0; position < parameters.size(); position++) {
                Api.Reply foreign = call(
                        endpoint, a.company().adminToken(), pathWithOneForeignId(endpoint.template(), position, b));
                Api.Reply missing = call(
                        endpoint, a.company().adminToken(), pathWithOneForeignId(endpoint.template(), position, null));
                String what = endpoint + " with B's " + parameters.get(position);
                assertEquals(404, foreign.status(), () -> what + " -> " + foreign);
                assertEquals(missing.problemIdentity(), foreign.problemIdentity(), what);
                cases++;
            }
        }
        assertTrue(cases >= 14, "matrix too small: " + cases);
        System.out.println("Path-id isolation matrix: " + cases
                + " cases (endpoint x id parameter), all 404 identical to a missing id");
        assertUnchanged();
    }

    @Test
    void foreignIdsInBodiesLookExactlyLikeMissingOnes() {
        Map<String, BodyCase> cases = bodyCases();
        for (Endpoint endpoint : ResourceModel.endpoints()) {
            if (endpoint.bodyType() != null && endpoint.bodyType().isRecord()) {
                List<String> idFields = Arrays.stream(endpoint.bodyType().getRecordComponents())
                        .map(component -> component.getName())
                        .filter(name -> name.endsWith("Id") || name.endsWith("Ids"))
                        .toList();
                if (!idFields.isEmpty() && !cases.containsKey(endpoint.toString())) {
                    fail(endpoint + " takes ids " + idFields + " in its body: add it to bodyCases()");
                }
            }
        }
        int checked = 0;
        for (var entry : cases.entrySet()) {
            BodyCase body = entry.getValue();
            for (var field : body.fields().entrySet()) {
                String placeholder = "${" + field.getKey() + "}";
                BodyCase withForeign = new BodyCase(
                        body.pathOwner(),
                        body.pathFormat(),
                        body.json()
                                .replace(
                                        placeholder,
                                        Long.toString(field.getValue().applyAsLong(b))),
                        body.fields());
                BodyCase withMissing = new BodyCase(
                        body.pathOwner(),
                        body.pathFormat(),
                        body.json().replace(placeholder, Long.toString(MISSING)),
                        body.fields());
                Api.Reply foreign = api.post(body.path(a), a.company().adminToken(), withForeign.body(a));
                Api.Reply missing = api.post(body.path(a), a.company().adminToken(), withMissing.body(a));
                String what = entry.getKey() + " with B's " + field.getKey();
                assertEquals(422, foreign.status(), () -> what + " -> " + foreign);
                assertEquals(missing.problemIdentity(), foreign.problemIdentity(), what);
                checked++;
            }
        }
        assertTrue(checked >= 10, "body matrix too small: " + checked);
        System.out.println("Body-id isolation matrix: " + checked
                + " cases (endpoint x id field), all 422 identical to a missing id");
        assertUnchanged();
    }

    @Test
    void listsFiltersAndHeadersNeverShowAnotherCompanysRows() {
        Map<String, ToLongFunction<World>> lists = new LinkedHashMap<>(Map.of(
                "/marketers",
                World::marketer,
                "/clients",
                World::client,
                "/assignments",
                World::assignment,
                "/estates",
                World::estate,
                "/plot-sizes",
                World::plotSize,
                "/plot-numbers",
                World::plotNumber,
                "/allocations",
                World::allocation,
                "/messages",
                World::message,
                "/activity",
                World::activity));
        for (Endpoint endpoint : ResourceModel.endpoints()) {
            if (endpoint.httpMethod().equals("GET")
                    && !endpoint.hasPathIds()
                    && !lists.containsKey(endpoint.template())
                    && !List.of("/me", "/companies", "/companies/prefix", "/audit", "/summary", "/messages/recipients")
                            .contains(endpoint.template())) {
                fail("new list " + endpoint + ": add it to this test");
            }
        }
        for (var list : lists.entrySet()) {
            for (String role : List.of("COMPANY_ADMIN", "MARKETER", "CLIENT")) {
                for (String query : List.of(
                        "",
                        "?q=" + b.company().prefix(),
                        "?clientId=" + b.client(),
                        "?marketerId=" + b.marketer(),
                        "?estateId=" + b.estate(),
                        "?companyId=" + b.company().id())) {
                    Api.Reply reply = api.send(api.request(list.getKey() + query, a.token(role))
                            .header("X-Company-Id", Long.toString(b.company().id()))
                            .GET());
                    if (reply.status() == 403) {
                        continue; // this role may not read this list at all
                    }
                    assertEquals(200, reply.status(), () -> list.getKey() + query + " as " + role + " -> " + reply);
                    List<Long> ids = reply.items().stream()
                            .map(item -> item.asJsonObject().getJsonNumber("id").longValue())
                            .toList();
                    assertFalse(
                            ids.contains(list.getValue().applyAsLong(b)),
                            () -> list.getKey() + query + " as " + role + " showed B's row");
                    if (FILTERS_NAMING_B.contains(list.getKey() + query.replaceAll("=.*", "="))) {
                        assertEquals(List.of(), ids, () -> list.getKey() + query + " as " + role);
                    }
                }
            }
        }
        // Whom one may write to lists accounts: never one of B's, whatever is searched for.
        for (String role : List.of("COMPANY_ADMIN", "MARKETER", "CLIENT")) {
            for (String query : List.of("?limit=500", "?q=" + b.company().prefix(), "?q=Mark", "?q=Cliff")) {
                Api.Reply reply = api.get("/messages/recipients" + query, a.token(role));
                assertEquals(200, reply.status(), reply::toString);
                List<Long> accounts = reply.items().stream()
                        .map(item ->
                                item.asJsonObject().getJsonNumber("accountId").longValue())
                        .toList();
                for (long foreign : List.of(b.adminAccount(), b.marketerAccount(), b.clientAccount())) {
                    assertFalse(
                            accounts.contains(foreign), () -> "recipients" + query + " as " + role + ": " + accounts);
                }
            }
        }
        assertEquals(
                List.of(),
                api.get("/estates/" + a.estate() + "/plots", a.company().adminToken()).items().stream()
                        .filter(item ->
                                item.asJsonObject().getJsonNumber("plotSizeId").longValue() == b.plotSize())
                        .toList());
    }

    /** The dashboard's counts are the caller's company's alone (B's rows, built the same, are not in them). */
    @Test
    void theSummaryCountsOnlyTheCallersCompany() {
        JsonObject summary = api.get("/summary", a.company().adminToken()).json();
        long id = a.company().id();
        assertEquals(
                Db.single("select count(*) from marketer where company_id = ?", id),
                summary.getJsonNumber("marketers").longValue());
        assertEquals(
                Db.single("select count(*) from client where company_id = ?", id),
                summary.getJsonNumber("clients").longValue());
        assertEquals(
                Db.single("select count(*) from estate where company_id = ?", id),
                summary.getJsonNumber("estates").longValue());
        assertEquals(
                Db.single("select count(*) from allocation where company_id = ?", id),
                summary.getJsonNumber("allocations").longValue());
        assertEquals(
                Db.single("select coalesce(sum(available_units), 0) from estate_plot where company_id = ?", id),
                summary.getJsonNumber("availableUnits").longValue());
        assertEquals(summary, api.get("/summary", a.company().adminToken()).json(), "stable");
        assertUnchanged();
    }

    @Test
    void rolesAreEnforcedOnEveryEndpoint() {
        World c = World.build(api, fixtures, "Charlie Roles");
        Map<String, String> tokens = Map.of(
                "PLATFORM_ADMIN",
                fixtures.ownPlatformToken(), // the logout below ends it
                "COMPANY_ADMIN",
                c.company().adminToken(),
                "MARKETER",
                c.marketerToken(),
                "CLIENT",
                c.clientToken());
        // A rule below the role level, decided on the data: only a message's recipient (here the client;
        // the marketer sent it) marks it read.
        List<String> dataRules = List.of("MARKETER PATCH /messages/{id}");
        List<String> table = new ArrayList<>();
        List<Endpoint> endpoints = new ArrayList<>(ResourceModel.endpoints());
        // A logout ends the token it is called with: it goes last, when no other call needs the tokens.
        endpoints.sort(
                java.util.Comparator.comparing(endpoint -> endpoint.toString().equals("POST /auth/logout")));
        for (Endpoint endpoint : endpoints) {
            if (endpoint.permitAll()) {
                continue;
            }
            assertFalse(endpoint.roles().isEmpty(), () -> endpoint + " declares no roles");
            for (var role : tokens.entrySet()) {
                Api.Reply reply = call(endpoint, role.getValue(), pathOf(endpoint.template(), c));
                boolean allowed = endpoint.roles().contains(role.getKey());
                String key = role.getKey() + " " + endpoint;
                if (!allowed || dataRules.contains(key)) {
                    assertEquals(403, reply.status(), () -> key + " -> " + reply);
                } else {
                    assertTrue(reply.status() != 401 && reply.status() != 403, () -> key + " -> " + reply);
                }
                table.add(key + " -> " + reply.status());
            }
        }
        System.out.println("Role matrix (" + table.size() + " cases):\n" + String.join("\n", table));
    }

    /** Least privilege: the application may delete only assignments; everything else of a company is never deleted. */
    /** Every company table but the activity log, which the application may only append to and read. */
    private static boolean mayUpdate(Statement sql, String table) throws SQLException {
        boolean granted = count(
                        sql,
                        "select case when has_table_privilege(current_user, '" + table
                                + "', 'UPDATE') then 1 else 0 end")
                == 1;
        assertEquals(!table.equals("activity"), granted, table + ": UPDATE privilege");
        return granted;
    }

    private static boolean mayDelete(Statement sql, String table) throws SQLException {
        boolean granted = count(
                        sql,
                        "select case when has_table_privilege(current_user, '" + table
                                + "', 'DELETE') then 1 else 0 end")
                == 1;
        assertEquals(table.equals("assignment"), granted, table + ": DELETE privilege");
        return granted;
    }

    /**
     * One list of company tables (CompanyTables, which the audit uses) and the catalog agree: every
     * table with a company_id has row-level security on and a policy on app.company_id, both ways.
     * (The entity model is checked against the same list by CompanyTablesTest.)
     */
    @Test
    void everyTableWithACompanyIdIsACompanyTableWithItsPolicy() {
        String tablesWithCompanyId =
                Db.text("select string_agg(table_name, ',' order by table_name) from information_schema.columns"
                        + " where table_schema = current_schema() and column_name = 'company_id'");
        String tablesWithPolicy = Db.text(
                "select string_agg(c.relname, ',' order by c.relname) from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r'"
                        + " and c.relrowsecurity and c.relname in (select table_name from information_schema.columns"
                        + " where table_schema = current_schema() and column_name = 'company_id')"
                        + " and exists (select 1 from pg_policies p where p.schemaname = n.nspname"
                        + " and p.tablename = c.relname and p.qual like '%app.company_id%' and p.with_check like '%app.company_id%')");
        String expected = String.join(",", COMPANY_TABLES.stream().sorted().toList());
        assertEquals(expected, tablesWithCompanyId, "tables with a company_id column vs CompanyTables.ALL");
        assertEquals(
                expected, tablesWithPolicy, "tables with row-level security on app.company_id vs CompanyTables.ALL");
    }

    @Test
    void rowLevelSecurityLimitsTheApplicationRoleToTheBoundCompany() throws SQLException {
        try (Connection app = DriverManager.getConnection(
                TestDatabase.adminUrl(TestDatabase.NAME), TestDatabase.APP, TestDatabase.PASSWORD)) {
            app.setAutoCommit(false);
            try (Statement sql = app.createStatement()) {
                for (String table : COMPANY_TABLES) {
                    assertEquals(0, count(sql, "select count(*) from " + table), table + " without a company");
                    if (mayUpdate(sql, table)) {
                        assertEquals(0, sql.executeUpdate("update " + table + " set company_id = company_id"), table);
                    }
                    if (mayDelete(sql, table)) {
                        assertEquals(
                                0,
                                sql.executeUpdate("delete from " + table + " where company_id = "
                                        + b.company().id()),
                                table);
                    }
                }
                app.rollback();

                sql.execute(
                        "select set_config('app.company_id', '" + a.company().id() + "', true)");
                for (String table : COMPANY_TABLES) {
                    long own = Db.single(
                            "select count(*) from " + table + " where company_id = ?",
                            a.company().id());
                    assertTrue(own > 0, table);
                    assertEquals(own, count(sql, "select count(*) from " + table), table + " as company A");
                    assertEquals(
                            0,
                            count(
                                    sql,
                                    "select count(*) from " + table + " where company_id = "
                                            + b.company().id()),
                            table);
                    if (mayUpdate(sql, table)) {
                        assertEquals(
                                0,
                                sql.executeUpdate("update " + table + " set company_id = company_id where company_id = "
                                        + b.company().id()),
                                table);
                    }
                    if (mayDelete(sql, table)) {
                        assertEquals(
                                0,
                                sql.executeUpdate("delete from " + table + " where company_id = "
                                        + b.company().id()),
                                table);
                    }
                }
                SQLException smuggled = assertThrows(
                        SQLException.class,
                        () -> sql.executeUpdate(
                                "insert into plot_size (id, company_id, size, size_key, created_at) values (nextval('plot_id_seq'), "
                                        + b.company().id() + ", 'smuggled', 'smuggled', now())"));
                assertEquals(
                        "42501",
                        smuggled.getSQLState(),
                        smuggled::getMessage); // insufficient_privilege: RLS WITH CHECK
            } finally {
                app.rollback();
            }
        }
        assertUnchanged();
    }

    @Test
    void theDatabaseRefusesLinksBetweenCompanies() {
        // Even the superuser, who bypasses row-level security, cannot assign B's marketer to A's client.
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> Db.update(
                        "insert into assignment (id, company_id, client_id, marketer_id, created_at) values (nextval('assignment_id_seq'), ?, ?, ?, now())",
                        a.company().id(),
                        a.client(),
                        b.marketer()));
        assertEquals("23503", ((SQLException) refused.getCause()).getSQLState(), refused::toString);
        assertTrue(refused.getCause().getMessage().contains("fk_assignment_marketer_same_company"), refused::toString);

        IllegalStateException message = assertThrows(
                IllegalStateException.class,
                () -> Db.update(
                        "insert into message (id, company_id, sender_account_id, recipient_account_id, type, body, is_read, created_at)"
                                + " values (nextval('message_id_seq'), ?, ?, ?, 'ENQUIRY', 'x', false, now())",
                        a.company().id(),
                        a.marketerAccount(),
                        b.clientAccount()));
        assertTrue(message.getCause().getMessage().contains("fk_message_recipient_same_company"), message::toString);
    }

    // --- helpers -------------------------------------------------------------------------------

    /**
     * A POST whose body references rows. {@code json} names each id field as {@code ${field}}; {@code
     * fields} says where A's (or B's) id for it comes from. {@link #body} fills every field with one
     * world's ids, so a case puts B's (or a missing) id into one field and A's into the others.
     */
    record BodyCase(
            ToLongFunction<World> pathOwner,
            String pathFormat,
            String json,
            Map<String, ToLongFunction<World>> fields) {
        /** The path, on A's own row (the estate or marketer the POST is about). */
        String path(World world) {
            return pathOwner == null ? pathFormat : pathFormat.formatted(pathOwner.applyAsLong(world));
        }

        String body(World world) {
            String filled = json;
            for (var field : fields.entrySet()) {
                filled = filled.replace(
                        "${" + field.getKey() + "}",
                        Long.toString(field.getValue().applyAsLong(world)));
            }
            return filled;
        }
    }

    private static Map<String, BodyCase> bodyCases() {
        Map<String, BodyCase> cases = new LinkedHashMap<>();
        cases.put(
                "POST /assignments",
                new BodyCase(
                        null,
                        "/assignments",
                        "{\"clientId\":${clientId},\"marketerId\":${marketerId}}",
                        Map.of("clientId", World::client, "marketerId", World::otherMarketer)));
        cases.put(
                "POST /allocations",
                new BodyCase(
                        null,
                        "/allocations",
                        "{\"clientId\":${clientId},\"estateId\":${estateId},"
                                + "\"plotSizeId\":${plotSizeId},\"plotNumberId\":${plotNumberId},\"paymentType\":\"FULL\"}",
                        Map.of(
                                "clientId",
                                World::client,
                                "estateId",
                                World::estate,
                                "plotSizeId",
                                World::plotSize,
                                "plotNumberId",
                                World::freePlotNumber)));
        cases.put(
                "POST /messages",
                new BodyCase(
                        null,
                        "/messages",
                        "{\"recipientId\":${recipientId},\"type\":\"ENQUIRY\",\"body\":\"hi\"}",
                        Map.of("recipientId", World::clientAccount)));
        cases.put(
                "POST /estates/{id}/plots",
                new BodyCase(
                        World::estate,
                        "/estates/%d/plots",
                        "{\"plotSizeId\":${plotSizeId},\"totalUnits\":3,\"plotNumberIds\":[${plotNumberIds}]}",
                        Map.of("plotSizeId", World::plotSize, "plotNumberIds", World::freePlotNumber)));
        cases.put(
                "POST /marketers/{id}/reassign",
                new BodyCase(
                        World::marketer,
                        "/marketers/%d/reassign",
                        "{\"toMarketerId\":${toMarketerId}}",
                        Map.of("toMarketerId", World::otherMarketer)));
        return cases;
    }

    private static List<String> pathParameters(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = Pattern.compile("([^/]+)/\\{([^}]+)}").matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(2).equals("id") ? matcher.group(1) : matcher.group(2));
        }
        return names;
    }

    /** The template with every id taken from one world (the role matrix calls C's own rows). */
    private static String pathOf(String template, World world) {
        return path(template, (position, kind) -> kind.applyAsLong(world));
    }

    /**
     * The template with A's ids, except the id at {@code position}: {@code foreign}'s, or a missing id
     * when foreign is null.
     */
    private String pathWithOneForeignId(String template, int position, World foreign) {
        return path(
                template,
                (at, kind) ->
                        at != position ? kind.applyAsLong(a) : foreign == null ? MISSING : kind.applyAsLong(foreign));
    }

    /** The template with its n-th {id} replaced by idOf(n, the kind of that id). */
    private static String path(
            String template, java.util.function.BiFunction<Integer, ToLongFunction<World>, Long> idOf) {
        List<String> kinds = pathParameters(template);
        Matcher matcher = Pattern.compile("\\{[^}]+}").matcher(template);
        StringBuilder path = new StringBuilder();
        int position = 0;
        while (matcher.find()) {
            ToLongFunction<World> kind = World.ID_KINDS.get(kinds.get(position));
            if (kind == null) {
                fail("unknown kind of id '" + kinds.get(position) + "' in " + template + ": add it to World.ID_KINDS");
            }
            matcher.appendReplacement(path, Long.toString(idOf.apply(position, kind)));
            position++;
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** A request that passes validation, so that only the id decides the answer. */
    private Api.Reply call(Endpoint endpoint, String token, String path) {
        String body = switch (endpoint.httpMethod() + " " + endpoint.template()) {
            case "PATCH /marketers/{id}", "PATCH /clients/{id}", "PATCH /companies/{id}" ->
                "{\"name\":\"Renamed by test\"}";
            case "PATCH /messages/{id}" -> "{\"read\":true}";
            case "POST /marketers/{id}/reassign" -> "{\"toMarketerId\":" + a.otherMarketer() + "}";
            case "POST /estates/{id}/plots" -> "{\"plotSizeId\":" + a.plotSize() + ",\"totalUnits\":1}";
            case "POST /clients/import" ->
                "name,email,phone\nImported,imported-" + System.nanoTime() + "@matrix.test,\n";
            default -> "{}";
        };
        String mediaType = endpoint.template().endsWith("/import") ? "text/csv" : "application/json";
        HttpRequest.Builder request = api.request(path, token);
        return api.send(
                switch (endpoint.httpMethod()) {
                    case "GET" -> request.GET();
                    case "DELETE" -> request.DELETE();
                    default ->
                        request.header("Content-Type", mediaType)
                                .method(endpoint.httpMethod(), HttpRequest.BodyPublishers.ofString(body));
                });
    }

    /** B's world is exactly as it was built. */
    private void assertUnchanged() {
        Api.Reply marketer = api.get("/marketers/" + b.marketer(), b.company().adminToken());
        assertEquals("Mark " + b.company().id(), marketer.json().getString("name"));
        assertEquals(
                1, api.get("/assignments", b.company().adminToken()).items().size());
        assertEquals(
                1, api.get("/allocations", b.company().adminToken()).items().size());
        assertFalse(api.get("/messages/" + b.message(), b.clientToken()).json().getBoolean("read"));
        assertEquals(bRowsAtStart, rowsOf(b));
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (var rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
