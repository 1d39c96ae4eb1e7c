package com.estatedesk.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.estatedesk.platform.openapi.ResourceModel.Endpoint;
import com.estatedesk.testsupport.Api;
import com.estatedesk.testsupport.Db;
import com.estatedesk.testsupport.DbFingerprint;
import com.estatedesk.testsupport.Fixtures;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.ResourceModel;
import com.estatedesk.testsupport.World;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2 "Errors" and guarantee 6, on every endpoint that takes a JSON body, generated from the
 * deployed resource classes: for every field of every request record (nested ones too), a wrong JSON
 * type, an array, null where the field is required, an oversize value, U+0000 and another control
 * character. Each must answer 400 application/problem+json whose {@code errors} name that field, with
 * no stack trace and no Java type in it, and change no row. A new endpoint or field is covered without
 * editing this test.
 */
class BadInputIT extends HttpApiTest {

    private static final List<String> ROLE_PREFERENCE =
            List.of("COMPANY_ADMIN", "PLATFORM_ADMIN", "MARKETER", "CLIENT");

    record Mutation(String endpoint, String field, String kind, String body) {}

    @Test
    void everyFieldOfEveryBodyRefusesBadInputWithoutChangingAnything() {
        World world = World.build(api, fixtures, "Bad Input Homes");
        int cases = 0;
        int endpoints = 0;
        for (Endpoint endpoint : ResourceModel.endpoints()) {
            if (endpoint.bodyType() == null || !endpoint.bodyType().isRecord()) {
                continue;
            }
            endpoints++;
            String token = token(endpoint, world);
            String path = path(endpoint.template(), world);
            List<Mutation> mutations = mutations(endpoint.toString(), endpoint.bodyType());
            Map<String, String> before = DbFingerprint.take();
            for (Mutation mutation : mutations) {
                Api.Reply reply = api.send(api.request(path, token)
                        .header("Content-Type", "application/json")
                        .method(endpoint.httpMethod(), HttpRequest.BodyPublishers.ofString(mutation.body())));
                String what = mutation.endpoint() + " " + mutation.field() + " (" + mutation.kind() + ") -> " + reply;
                assertEquals(400, reply.status(), what);
                assertTrue(reply.isProblem(), what);
                assertNoInternals(reply, what);
                List<String> fields = reply.json().getJsonArray("errors").stream()
                        .map(error -> error.asJsonObject().getString("field"))
                        .toList();
                assertTrue(
                        fields.stream()
                                .anyMatch(field ->
                                        field.equals(mutation.field()) || field.startsWith(mutation.field() + "[")),
                        what + ": errors do not name " + mutation.field());
                cases++;
            }
            assertEquals(before, DbFingerprint.take(), endpoint + ": refused input changed rows");
        }
        assertTrue(endpoints >= 14, "too few body-taking endpoints found: " + endpoints);
        System.out.println("Bad-input matrix: " + cases + " cases on " + endpoints
                + " endpoints, all 400 naming the field, nothing changed");
    }

    @Test
    void bodiesThatAreNotObjectsAreRefusedEverywhere() {
        World world = World.build(api, fixtures, "Not Object Homes");
        for (Endpoint endpoint : ResourceModel.endpoints()) {
            if (endpoint.bodyType() == null || !endpoint.bodyType().isRecord()) {
                continue;
            }
            Map<String, String> before = DbFingerprint.take();
            for (String body : List.of(
                    "[]",
                    "[{\"name\":\"Array Person\",\"email\":\"array@example.test\"}]",
                    "\"text\"",
                    "null",
                    "42",
                    "",
                    "{\"name\":",
                    "{\"a\":1}{")) {
                Api.Reply reply = api.send(api.request(path(endpoint.template(), world), token(endpoint, world))
                        .header("Content-Type", "application/json")
                        .method(endpoint.httpMethod(), HttpRequest.BodyPublishers.ofString(body)));
                String what = endpoint + " with body " + body + " -> " + reply;
                assertEquals(400, reply.status(), what);
                assertTrue(reply.isProblem(), what);
                assertNoInternals(reply, what);
            }
            assertEquals(before, DbFingerprint.take(), endpoint + ": a non-object body changed rows");
        }
    }

    /**
     * Issue 25, points 2, 5, 6 and 7, on every endpoint that takes a JSON body: nesting past 64 levels (1 001
     * levels used to answer 500 and write 75 KB of stack trace), a number literal of 1 101 characters,
     * data after the value, two values, a repeated key, bytes that are not UTF-8 and a lone surrogate. Each
     * is a 400 problem, changes nothing, and grows the server's log by less than 2 KB.
     */
    @Test
    void hostileJsonIsA400EverywhereAndWritesNoStackTrace() throws Exception {
        World world = World.build(api, fixtures, "Hostile Json Homes");
        java.nio.file.Path log = com.estatedesk.testsupport.ServiceUnderTest.log();
        int cases = 0;
        long largestGrowth = 0;
        for (Endpoint endpoint : ResourceModel.endpoints()) {
            if (endpoint.bodyType() == null || !endpoint.bodyType().isRecord()) {
                continue;
            }
            Class<?> type = endpoint.bodyType();
            RecordComponent first = type.getRecordComponents()[0];
            RecordComponent number = java.util.Arrays.stream(type.getRecordComponents())
                    .filter(component -> List.of(Long.class, long.class, Integer.class, int.class)
                            .contains(innermost(component.getGenericType())))
                    .findFirst()
                    .orElse(first);
            RecordComponent text = java.util.Arrays.stream(type.getRecordComponents())
                    .filter(component -> innermost(component.getGenericType()) == String.class)
                    .findFirst()
                    .orElse(first);
            String plausible = bodyWith(type, List.of(), JsonValue.NULL).toString();
            Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
            bodies.put("1 001 levels of arrays", utf8("[".repeat(1_001) + "]".repeat(1_001)));
            bodies.put(
                    "65 levels in a field",
                    utf8("{\"" + first.getName() + "\":" + "[".repeat(64) + "]".repeat(64) + "}"));
            bodies.put(
                    "a number of 1 101 characters", utf8("{\"" + number.getName() + "\":" + "7".repeat(1_101) + "}"));
            bodies.put("data after the value", utf8(plausible + " xyz"));
            bodies.put("two values", utf8(plausible + plausible));
            bodies.put(
                    "a repeated key",
                    utf8("{\"" + first.getName() + "\":" + plausible(first) + "," + plausible.substring(1)));
            bodies.put(
                    "bytes that are not UTF-8",
                    withBytes("{\"" + text.getName() + "\":\"a", new byte[] {(byte) 0xff, (byte) 0xfe}, "b\"}"));
            bodies.put(
                    "an overlong encoding",
                    withBytes("{\"" + text.getName() + "\":\"a", new byte[] {(byte) 0xc0, (byte) 0x80}, "b\"}"));
            bodies.put("a lone surrogate", utf8("{\"" + text.getName() + "\":\"a\\ud800b\"}"));
            Map<String, String> before = DbFingerprint.take();
            for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
                long logBefore = java.nio.file.Files.size(log);
                Api.Reply reply = api.send(api.request(path(endpoint.template(), world), token(endpoint, world))
                        .header("Content-Type", "application/json")
                        .method(endpoint.httpMethod(), HttpRequest.BodyPublishers.ofByteArray(body.getValue())));
                String what = endpoint + " with " + body.getKey() + " -> " + reply;
                assertEquals(400, reply.status(), what);
                assertTrue(reply.isProblem(), what);
                assertNoInternals(reply, what);
                if (body.getKey().equals("a repeated key")) {
                    assertTrue(reply.body().contains("\"" + first.getName() + "\""), what + ": does not name the key");
                }
                long growth = java.nio.file.Files.size(log) - logBefore;
                largestGrowth = Math.max(largestGrowth, growth);
                assertTrue(growth < 2_048, what + ": the log grew by " + growth + " bytes");
                cases++;
            }
            assertEquals(before, DbFingerprint.take(), endpoint + ": hostile JSON changed rows");
        }
        assertTrue(cases >= 14 * 9, "too few cases: " + cases);
        System.out.println("Hostile JSON: " + cases + " cases, all 400; the log grew by at most " + largestGrowth
                + " bytes per request");
    }

    /** Issue 25, points 7 and 10, for CSV: a BOM is accepted, bytes that are not UTF-8 are refused, and no error names a library class. */
    /**
     * Issue 25, point 10: headers the REST layer cannot parse, and headers over the limit, are refused as
     * problem+json by the service on both servers, not with the server's HTML page or an empty body. Up
     * to 16 KiB of headers is an ordinary request.
     */
    @Test
    void unreadableOrOversizeHeadersAreProblems() {
        Fixtures.Company company = fixtures.company("Header Edges");
        long before = Db.single("select count(*) from client where company_id = ?", company.id());
        String big = "a".repeat(9_000);
        String huge = "a".repeat(30_000);
        Map<String, HttpRequest.Builder> refused = Map.of(
                "Content-Type: application/",
                api.request("/clients", company.adminToken())
                        .header("Content-Type", "application/")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"H\",\"email\":\"h@example.test\"}")),
                "Accept: ///",
                api.request("/clients", company.adminToken())
                        .header("Accept", "///")
                        .GET(),
                "30 KB header",
                api.request("/clients", company.adminToken())
                        .header("X-Padding", huge)
                        .GET());
        refused.forEach((what, request) -> {
            Api.Reply reply = api.send(request);
            assertTrue(reply.status() >= 400 && reply.status() < 500, what + ": " + reply);
            assertTrue(reply.isProblem(), what + ": " + reply);
        });
        Api.Reply oversize = api.send(api.request("/clients", company.adminToken())
                .header("X-Padding", huge)
                .GET());
        assertEquals(431, oversize.status(), oversize::toString);
        Api.Reply padded = api.send(api.request("/clients", company.adminToken())
                .header("X-Padding", big)
                .GET());
        assertEquals(200, padded.status(), "9 KB of headers is an ordinary request: " + padded);
        assertEquals(before, Db.single("select count(*) from client where company_id = ?", company.id()));
    }

    @Test
    void csvImportsAreStrictUtf8AcceptABomAndNameNoLibrary() {
        Fixtures.Company company = fixtures.company("Csv Edges");
        long before = Db.single("select count(*) from client where company_id = ?", company.id());
        Api.Reply withBom = importCsv(
                company.adminToken(),
                withBytes(
                        "",
                        new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                        "name,email,phone\r\nBom Person,bom@csv.test,\r\n"));
        assertEquals(201, withBom.status(), withBom::toString);
        for (byte[] body : List.of(
                withBytes("name,email,phone\nLatin ", new byte[] {(byte) 0xe9}, "e,latin@csv.test,\n"),
                withBytes("name,email,phone\nBad ", new byte[] {(byte) 0xff, (byte) 0xfe}, ",bad@csv.test,\n"),
                withBytes("name,email,phone\nOverlong ", new byte[] {(byte) 0xc0, (byte) 0x80}, ",over@csv.test,\n"),
                utf8("name,email,phone\nok,ok@csv.test,\n\"broken\"x,b@csv.test,\n"))) {
            Api.Reply refused = importCsv(company.adminToken(), body);
            assertEquals(400, refused.status(), refused::toString);
            assertTrue(refused.isProblem(), refused::toString);
            assertNoInternals(refused, "CSV");
            assertFalse(
                    refused.body().contains("org.apache") || refused.body().contains("CSVException"),
                    refused::toString);
        }
        assertEquals(before + 1, Db.single("select count(*) from client where company_id = ?", company.id()));
        assertEquals(
                "Bom Person",
                Db.text("select name from client where company_id = ? and email = 'bom@csv.test'", company.id()));
    }

    private Api.Reply importCsv(String token, byte[] csv) {
        return api.send(api.request("/clients/import", token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] withBytes(String before, byte[] raw, String after) {
        byte[] head = utf8(before);
        byte[] tail = utf8(after);
        byte[] body = new byte[head.length + raw.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(raw, 0, body, head.length, raw.length);
        System.arraycopy(tail, 0, body, head.length + raw.length, tail.length);
        return body;
    }

    /** The lines of issue 11 "Bad input reaches 5xx or gets in", each as it was reproduced. */
    @Test
    void whatUsedToGetInOrFailWithA500IsNowA400() {
        Fixtures.Company company = fixtures.company("Old Holes Homes");
        String admin = company.adminToken();
        long clientsBefore = Db.single("select count(*) from client where company_id = ?", company.id());

        Api.Reply array = api.post("/clients", admin, "[{\"name\":\"Array Person\",\"email\":\"array@example.test\"}]");
        assertEquals(400, array.status(), array::toString);
        assertEquals(
                "body", array.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        long client = api.post("/clients", admin, Fixtures.person("Real Person", "real@example.test", null))
                .id();
        Api.Reply patchArray = api.patch("/clients/" + client, admin, "[{\"name\":\"x\"}]");
        assertEquals(400, patchArray.status(), patchArray::toString);

        for (String control : List.of("\\u0000", "\\u0007", "\\u001b[31m", "\\u007f", "\\u0085")) {
            Api.Reply named =
                    api.post("/clients", admin, "{\"name\":\"Bad" + control + "Name\",\"email\":\"ctl@example.test\"}");
            assertEquals(400, named.status(), control + " " + named);
            assertEquals(
                    "name", named.json().getJsonArray("errors").getJsonObject(0).getString("field"));
            Api.Reply login = api.post(
                    "/auth/token",
                    null,
                    "{\"email\":\"a" + control + "@x.test\",\"password\":\"p\",\"company\":\"" + company.slug()
                            + "\"}");
            assertEquals(400, login.status(), "login with " + control + ": " + login);
            assertNoInternals(login, "login");
        }
        Api.Reply phone =
                api.post("/clients", admin, "{\"name\":\"Phone Person\",\"email\":\"phone@example.test\",\"phone\":5}");
        assertEquals(400, phone.status(), phone::toString);
        assertEquals(
                "phone", phone.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        Api.Reply unit = api.post(
                "/estates",
                admin,
                "{\"name\":\"E\",\"location\":\"L\",\"size\":1,\"sizeUnit\":\"SQM\",\"titleDeed\":\"ROFO\"}");
        assertEquals(400, unit.status(), unit::toString);
        JsonObject error = unit.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("sizeUnit", error.getString("field"));
        assertTrue(
                error.getString("message").contains("SQUARE_METERS")
                        && error.getString("message").contains("ACRES"),
                unit::toString);
        assertNoInternals(unit, "enum");

        // A message body may span lines: TAB, LF and CR pass there, and only there.
        assertEquals(clientsBefore + 1, Db.single("select count(*) from client where company_id = ?", company.id()));
    }

    private static void assertNoInternals(Api.Reply reply, String what) {
        assertFalse(
                reply.body().contains("com.estatedesk")
                        || reply.body().contains("java.")
                        || reply.body().contains("Exception")
                        || reply.body().contains("\tat ")
                        || reply.body().contains("jakarta."),
                what + ": leaks internals");
    }

    private String token(Endpoint endpoint, World world) {
        if (endpoint.permitAll()) {
            return null;
        }
        String role = ROLE_PREFERENCE.stream()
                .filter(endpoint.roles()::contains)
                .findFirst()
                .orElseThrow(() -> new AssertionError(endpoint + " has no role"));
        return role.equals("PLATFORM_ADMIN") ? fixtures.platformToken() : world.token(role);
    }

    private static String path(String template, World world) {
        Matcher matcher = Pattern.compile("([^/]+)/\\{([^}]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String kind = matcher.group(2).equals("id") ? matcher.group(1) : matcher.group(2);
            ToLongFunction<World> id = World.ID_KINDS.get(kind);
            if (id == null) {
                fail("unknown kind of id '" + kind + "' in " + template + ": add it to World.ID_KINDS");
            }
            matcher.appendReplacement(path, matcher.group(1) + "/" + id.applyAsLong(world));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    // ---- the mutations, derived from the request record ----

    private static List<Mutation> mutations(String endpoint, Class<?> type) {
        List<Mutation> mutations = new ArrayList<>();
        collect(endpoint, type, "", List.of(), mutations);
        return mutations;
    }

    /** {@code path}: the record components from the body's root to {@code type}. */
    private static void collect(
            String endpoint, Class<?> type, String prefix, List<RecordComponent> path, List<Mutation> out) {
        for (RecordComponent component : type.getRecordComponents()) {
            String field = prefix + component.getName();
            List<RecordComponent> at = new ArrayList<>(path);
            at.add(component);
            Class<?> raw = innermost(component.getGenericType());
            for (Map.Entry<String, JsonValue> bad : badValues(component, raw).entrySet()) {
                out.add(new Mutation(
                        endpoint,
                        field,
                        bad.getKey(),
                        bodyWith(rootOf(at), at, bad.getValue()).toString()));
            }
            if (raw.isRecord()) {
                collect(endpoint, raw, field + ".", at, out);
            }
        }
    }

    private static Map<String, JsonValue> badValues(RecordComponent component, Class<?> raw) {
        Map<String, JsonValue> bad = new java.util.LinkedHashMap<>();
        boolean list = Collection.class.isAssignableFrom(raw(component.getGenericType()));
        bad.put(
                "wrong type",
                raw == String.class || raw.isEnum()
                        ? Json.createValue(12345)
                        : Json.createValue("not-a-" + raw.getSimpleName()));
        bad.put("array", list ? Json.createArrayBuilder().add("text").build() : JsonValue.EMPTY_JSON_ARRAY);
        // Bean Validation annotations of a record component land on its accessor (their targets have no
        // RECORD_COMPONENT).
        java.lang.reflect.Method accessor = component.getAccessor();
        if (accessor.isAnnotationPresent(NotNull.class) || accessor.isAnnotationPresent(NotBlank.class)) {
            bad.put("null", JsonValue.NULL);
        }
        if (raw == String.class || raw.isEnum()) {
            Size size = accessor.getAnnotation(Size.class);
            int length = size != null && size.max() < 100_000 ? size.max() + 1 : 10_001;
            bad.put("oversize", Json.createValue("x".repeat(length)));
            bad.put("NUL", Json.createValue("bad\u0000text"));
            bad.put("control character", Json.createValue("bad\u001b[2Jtext"));
        } else if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
            bad.put("oversize", Json.createValue(new BigDecimal("1e40")));
        } else if (list) {
            Size size = accessor.getAnnotation(Size.class);
            if (size != null) {
                JsonArrayBuilder many = Json.createArrayBuilder();
                for (int i = 0; i <= size.max(); i++) {
                    many.add(1);
                }
                bad.put("oversize", many.build());
            }
        }
        return bad;
    }

    private static Class<?> rootOf(List<RecordComponent> path) {
        return path.get(0).getDeclaringRecord();
    }

    /** A body of {@code type} with plausible values everywhere, and {@code bad} at the end of {@code path}. */
    private static JsonObject bodyWith(Class<?> type, List<RecordComponent> path, JsonValue bad) {
        JsonObjectBuilder body = Json.createObjectBuilder();
        for (RecordComponent component : type.getRecordComponents()) {
            if (!path.isEmpty() && component.getName().equals(path.get(0).getName())) {
                body.add(
                        component.getName(),
                        path.size() == 1
                                ? bad
                                : bodyWith(innermost(component.getGenericType()), path.subList(1, path.size()), bad));
            } else {
                body.add(component.getName(), plausible(component));
            }
        }
        return body.build();
    }

    private static JsonValue plausible(RecordComponent component) {
        Class<?> raw = innermost(component.getGenericType());
        String name = component.getName();
        if (Collection.class.isAssignableFrom(raw(component.getGenericType()))) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (raw == String.class) {
            return Json.createValue(
                    name.contains("mail")
                            ? "plausible@example.test"
                            : name.equals("phone")
                                    ? "+234 800 000 0000"
                                    : name.equals("prefix")
                                            ? "PLQ"
                                            : name.toLowerCase().contains("password")
                                                    ? "plausible-password"
                                                    : "Plausible value");
        }
        if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
            return Json.createValue(1);
        }
        if (raw == BigDecimal.class) {
            return Json.createValue(new BigDecimal("12.5"));
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return JsonValue.TRUE;
        }
        if (raw.isEnum()) {
            return Json.createValue(((Enum<?>) raw.getEnumConstants()[0]).name());
        }
        if (raw.isRecord()) {
            return bodyWith(raw, List.of(), JsonValue.NULL);
        }
        throw new AssertionError("no plausible value for " + component);
    }

    /** Optional<Optional<String>> → String, List<Long> → Long. */
    private static Class<?> innermost(Type type) {
        Type at = type;
        while (at instanceof ParameterizedType parameterized) {
            at = parameterized.getActualTypeArguments()[0];
        }
        return (Class<?>) at;
    }

    private static Class<?> raw(Type type) {
        Type at = type;
        while (at instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            at = parameterized.getActualTypeArguments()[0];
        }
        return at instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) at;
    }
}
