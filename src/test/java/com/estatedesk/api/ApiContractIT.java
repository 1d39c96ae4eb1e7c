package com.estatedesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.testsupport.Api;
import com.estatedesk.testsupport.Concurrently;
import com.estatedesk.testsupport.Db;
import com.estatedesk.testsupport.Fixtures;
import com.estatedesk.testsupport.Fixtures.Company;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.ServiceUnderTest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The REST contract of SPEC §2 as a client sees it over HTTP: tokens, roles, company isolation,
 * problem+json errors that change nothing, pagination and search.
 */
class ApiContractIT extends HttpApiTest {

    @Test
    void tokensAreIssuedForRightCredentialsOnly() {
        Company company = fixtures.company("Token Homes");
        Api.Reply issued = api.post(
                "/auth/token",
                null,
                Fixtures.credentials(company.adminEmail(), Fixtures.ADMIN_PASSWORD, company.slug()));
        assertEquals(200, issued.status(), issued::toString);
        assertEquals("Bearer", issued.json().getString("tokenType"));
        assertEquals(3600, issued.json().getInt("expiresIn"));
        String[] parts = issued.json().getString("accessToken").split("\\.");
        assertEquals(3, parts.length);
        assertTrue(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).contains("\"RS256\""));

        // Wrong password, unknown email, unknown company, another company's slug: one identical answer.
        Company other = fixtures.company("Other Token Homes");
        List<Api.Reply> refused = List.of(
                api.post(
                        "/auth/token",
                        null,
                        Fixtures.credentials(company.adminEmail(), "wrong-password", company.slug())),
                api.post(
                        "/auth/token",
                        null,
                        Fixtures.credentials("nobody@example.test", Fixtures.ADMIN_PASSWORD, company.slug())),
                api.post(
                        "/auth/token",
                        null,
                        Fixtures.credentials(company.adminEmail(), Fixtures.ADMIN_PASSWORD, "no-such-company")),
                api.post(
                        "/auth/token",
                        null,
                        Fixtures.credentials(company.adminEmail(), Fixtures.ADMIN_PASSWORD, other.slug())),
                api.post(
                        "/auth/token",
                        null,
                        Fixtures.credentials(company.adminEmail(), Fixtures.ADMIN_PASSWORD, null)));
        for (Api.Reply reply : refused) {
            assertEquals(401, reply.status(), reply::toString);
            assertTrue(reply.isProblem());
            assertEquals(refused.get(0).problemIdentity(), reply.problemIdentity());
        }
    }

    @Test
    void forgedExpiredAndUnsignedTokensAreRejected() throws Exception {
        Company company = fixtures.company("Forgery Checks");
        String valid = company.adminToken();
        assertEquals(200, api.get("/marketers", valid).status());

        String[] parts = valid.split("\\.");
        String tamperedSignature = parts[0] + "." + parts[1] + "." + flipMiddleChar(parts[2]);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"company_id\":" + company.id(), "\"company_id\":" + (company.id() + 1));
        assertNotEquals(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8), payload);
        String tamperedPayload = parts[0] + "." + base64(payload) + "." + parts[2];
        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String expired = signWithServiceKey(new JWTClaimsSet.Builder()
                .issuer("estatedesk")
                .audience("estatedesk-api")
                .subject("1")
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                .claim("groups", List.of("COMPANY_ADMIN"))
                .claim("company_id", company.id())
                .build());
        String stillValidSelfMade = signWithServiceKey(new JWTClaimsSet.Builder()
                .issuer("estatedesk")
                .audience("estatedesk-api")
                .subject("1")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("groups", List.of("COMPANY_ADMIN"))
                .claim("company_id", company.id())
                .build());

        for (String bad : List.of(tamperedSignature, tamperedPayload, unsigned, expired, "not-a-jwt", "")) {
            Api.Reply reply = api.get("/marketers", bad);
            assertEquals(401, reply.status(), () -> bad + " -> " + reply);
            assertTrue(reply.isProblem());
        }
        // A bad token is refused even where no token is needed.
        assertEquals(
                401,
                api.post(
                                "/auth/token",
                                unsigned,
                                Fixtures.credentials(company.adminEmail(), Fixtures.ADMIN_PASSWORD, company.slug()))
                        .status());
        // The control: the same signing path with a future expiry is accepted, so the rejections above are real.
        assertEquals(200, api.get("/marketers", stillValidSelfMade).status());
        assertEquals(401, api.get("/marketers", null).status());
        assertEquals(
                401,
                api.send(api.request("/marketers", null)
                                .header("Authorization", "Basic dXNlcjpwYXNz")
                                .GET())
                        .status());
    }

    @Test
    void rolesAreEnforcedPerEndpoint() {
        Company company = fixtures.company("Role Matrix");
        String admin = company.adminToken();
        long marketerId = api.post("/marketers", admin, Fixtures.person("Mara", "mara@roles.test", "mara-password"))
                .id();
        long clientId = api.post("/clients", admin, Fixtures.person("Cleo", "cleo@roles.test", "cleo-password"))
                .id();
        long otherClientId = api.post("/clients", admin, Fixtures.person("Otto", "otto@roles.test", null))
                .id();
        String marketer = fixtures.login("mara@roles.test", "mara-password", company.slug());
        String client = fixtures.login("cleo@roles.test", "cleo-password", company.slug());
        String platform = fixtures.platformToken();

        // Platform admins have no company: company endpoints are forbidden to them.
        assertEquals(403, api.get("/marketers", platform).status());
        assertEquals(
                403,
                api.post("/clients", platform, Fixtures.person("X", "x@roles.test", null))
                        .status());
        // Company people cannot manage companies.
        assertEquals(403, api.get("/companies", admin).status());
        assertEquals(403, api.post("/companies", marketer, "{}").status());
        // Only company admins register and change people.
        assertEquals(
                403,
                api.post("/marketers", marketer, Fixtures.person("Y", "y@roles.test", null))
                        .status());
        assertEquals(
                403,
                api.post("/clients", client, Fixtures.person("Z", "z@roles.test", null))
                        .status());
        assertEquals(
                403,
                api.patch("/clients/" + clientId, marketer, "{\"name\":\"Renamed\"}")
                        .status());
        // Marketers read marketers; clients read only themselves and never marketers.
        assertEquals(200, api.get("/marketers/" + marketerId, marketer).status());
        assertEquals(403, api.get("/marketers", client).status());
        assertEquals(200, api.get("/clients/" + clientId, client).status());
        assertEquals(404, api.get("/clients/" + otherClientId, client).status());
        List<Long> visibleToClient = ids(api.get("/clients", client).json());
        assertEquals(List.of(clientId), visibleToClient);
        // Marketers see clients only through assignments, and there are none yet.
        assertEquals(List.of(), ids(api.get("/clients", marketer).json()));
        assertEquals(404, api.get("/clients/" + clientId, marketer).status());

        JsonObject me = api.get("/me", client).json();
        assertEquals("CLIENT", me.getString("role"));
        assertEquals(clientId, me.getJsonNumber("personId").longValue());
        assertEquals(company.prefix() + "-CLT001", me.getString("uid"));
        assertEquals(company.slug(), me.getJsonObject("company").getString("slug"));
        JsonObject platformMe = api.get("/me", platform).json();
        assertEquals("PLATFORM_ADMIN", platformMe.getString("role"));
        assertTrue(platformMe.isNull("company"));
    }

    @Test
    void deactivatedPeopleGetNoNewTokens() {
        Company company = fixtures.company("Deactivation Homes");
        long marketer = api.post(
                        "/marketers", company.adminToken(), Fixtures.person("Dayo", "dayo@deact.test", "dayo-password"))
                .id();
        fixtures.login("dayo@deact.test", "dayo-password", company.slug());

        assertEquals(
                200,
                api.patch("/marketers/" + marketer, company.adminToken(), "{\"status\":\"DEACTIVATED\"}")
                        .status());
        Api.Reply refused =
                api.post("/auth/token", null, Fixtures.credentials("dayo@deact.test", "dayo-password", company.slug()));
        assertEquals(401, refused.status(), refused::toString);

        assertEquals(
                200,
                api.patch("/marketers/" + marketer, company.adminToken(), "{\"status\":\"ACTIVE\"}")
                        .status());
        fixtures.login("dayo@deact.test", "dayo-password", company.slug());
    }

    @Test
    void foreignIdLooksLikeMissingId() {
        Company mine = fixtures.company("Mine Estates");
        Company theirs = fixtures.company("Theirs Estates");
        long theirMarketer = fixtures.register(theirs, "marketers", "Secret Agent", "secret@theirs.test")
                .id();
        long theirClient = fixtures.register(theirs, "clients", "Secret Buyer", "buyer@theirs.test")
                .id();
        String theirUid = api.get("/marketers/" + theirMarketer, theirs.adminToken())
                .json()
                .getString("uid");
        long missing = 9_000_000_000L;

        for (String kind : List.of("marketers", "clients")) {
            long foreign = kind.equals("marketers") ? theirMarketer : theirClient;
            Api.Reply foreignGet = api.get("/" + kind + "/" + foreign, mine.adminToken());
            Api.Reply missingGet = api.get("/" + kind + "/" + missing, mine.adminToken());
            assertEquals(404, foreignGet.status());
            assertEquals(missingGet.problemIdentity(), foreignGet.problemIdentity());
            Api.Reply foreignPatch =
                    api.patch("/" + kind + "/" + foreign, mine.adminToken(), "{\"name\":\"Hijacked\"}");
            Api.Reply missingPatch =
                    api.patch("/" + kind + "/" + missing, mine.adminToken(), "{\"name\":\"Hijacked\"}");
            assertEquals(404, foreignPatch.status());
            assertEquals(missingPatch.problemIdentity(), foreignPatch.problemIdentity());
        }
        assertEquals(
                "Secret Agent",
                api.get("/marketers/" + theirMarketer, theirs.adminToken())
                        .json()
                        .getString("name"));

        // Lists and searches show nothing of theirs, whatever a header or parameter claims.
        for (String query : List.of(
                "",
                "?q=secret",
                "?q=" + theirUid,
                "?q=theirs.test",
                "?company=" + theirs.id(),
                "?companyId=" + theirs.id())) {
            HttpRequest.Builder request = api.request("/marketers" + query, mine.adminToken())
                    .header("X-Company-Id", Long.toString(theirs.id()))
                    .header("X-Tenant", theirs.slug())
                    .GET();
            Api.Reply list = api.send(request);
            assertEquals(200, list.status(), list::toString);
            assertEquals(List.of(), ids(list.json()), () -> query + " -> " + list);
        }
        // Their numbering is untouched by our registrations, ours starts at 1.
        JsonObject ours = fixtures.register(mine, "marketers", "Own Agent", "secret@theirs.test")
                .json();
        assertEquals(mine.prefix() + "-MKT001", ours.getString("uid"));
    }

    @Test
    void badInputIsRejectedWithProblemJsonAndChangesNothing() {
        Company company = fixtures.company("Strict Input");
        String token = company.adminToken();
        long before = peopleRows(company);

        Map<String, String> badBodies = new LinkedHashMap<>();
        badBodies.put("malformed", "{\"name\":\"A\",");
        badBodies.put("array", "[1,2]");
        badBodies.put("wrong type", "{\"name\":5,\"email\":\"a@b.test\"}");
        badBodies.put("unknown field", "{\"name\":\"A\",\"email\":\"a@b.test\",\"uid\":\"X-MKT001\"}");
        badBodies.put("missing name", "{\"email\":\"a@b.test\"}");
        badBodies.put("blank name", "{\"name\":\"  \",\"email\":\"a@b.test\"}");
        badBodies.put("oversize name", "{\"name\":\"" + "n".repeat(201) + "\",\"email\":\"a@b.test\"}");
        badBodies.put("ill-formed email", "{\"name\":\"A\",\"email\":\"not-an-email\"}");
        badBodies.put("short password", "{\"name\":\"A\",\"email\":\"a@b.test\",\"password\":\"short\"}");
        badBodies.put("bad phone", "{\"name\":\"A\",\"email\":\"a@b.test\",\"phone\":\"call me\"}");
        badBodies.put("empty body", "");
        badBodies.put("null body", "null");
        for (var bad : badBodies.entrySet()) {
            for (String kind : List.of("/marketers", "/clients")) {
                Api.Reply reply = api.post(kind, token, bad.getValue());
                assertEquals(400, reply.status(), () -> bad.getKey() + " -> " + reply);
                assertTrue(reply.isProblem(), () -> bad.getKey() + " -> " + reply.contentType());
                assertEquals(400, reply.json().getInt("status"));
                assertFalse(reply.body().contains("Exception") || reply.body().contains("at com."), reply::toString);
            }
        }
        Api.Reply validation = api.post("/clients", token, badBodies.get("ill-formed email"));
        assertEquals(
                "email",
                validation.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        Api.Reply wrongMediaType = api.send(api.request("/clients", token)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=A")));
        assertEquals(415, wrongMediaType.status());
        assertTrue(wrongMediaType.isProblem());

        String huge = "{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\",\"email\":\"a@b.test\"}";
        Api.Reply tooLarge = api.post("/clients", token, huge);
        assertEquals(413, tooLarge.status());
        assertTrue(tooLarge.isProblem());

        for (String patch : List.of(
                "{\"uid\":\"X\"}",
                "{\"number\":7}",
                "{\"email\":\"x@y.test\"}",
                "{\"status\":\"GONE\"}",
                "{\"name\":\"\"}",
                "{}",
                "{\"nickname\":\"x\"}")) {
            long id = ensureOnePerson(company);
            Api.Reply reply = api.patch("/clients/" + id, token, patch);
            assertEquals(400, reply.status(), () -> patch + " -> " + reply);
            assertTrue(reply.isProblem());
        }

        assertEquals(before + 1, peopleRows(company), "only the one valid registration made by this test exists");
        assertEquals(
                1,
                Db.single(
                        "select last_value from company_sequence where company_id = ? and seq_key = 'CLT'",
                        company.id()));
        assertEquals(
                0,
                Db.single(
                        "select last_value from company_sequence where company_id = ? and seq_key = 'MKT'",
                        company.id()));
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemJson() {
        String token = fixtures.company("Paths Co").adminToken();
        Api.Reply unknownApiPath = api.get("/no-such-thing", token);
        assertEquals(404, unknownApiPath.status());
        assertTrue(unknownApiPath.isProblem());
        Api.Reply delete = api.delete("/marketers/1", token);
        assertEquals(405, delete.status());
        assertTrue(delete.isProblem());
        Api.Reply outsideApi = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.base().replace("/api/v1", "/definitely/not/here")))
                .GET());
        assertEquals(404, outsideApi.status());
        assertTrue(outsideApi.isProblem(), outsideApi::toString);
    }

    @Test
    void listsPageInCreationOrderAndSearch() {
        Company company = fixtures.company("Paging Homes");
        List<Long> created = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            created.add(fixtures.register(
                            company,
                            "clients",
                            (i == 5 ? "Zainab Okafor" : "Buyer " + i),
                            "buyer" + i + (i == 6 ? "@special-domain.test" : "@paging.test"))
                    .id());
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Reply page =
                    api.get("/clients?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), company.adminToken());
            assertEquals(200, page.status(), page::toString);
            seen.addAll(ids(page.json()));
            cursor = page.json().isNull("next") ? null : page.json().getString("next");
            pages++;
        } while (cursor != null);
        assertEquals(created, seen);
        assertEquals(3, pages);

        assertEquals(
                List.of(created.get(4)),
                ids(api.get("/clients?q=zAINAB", company.adminToken()).json()));
        assertEquals(
                List.of(created.get(5)),
                ids(api.get("/clients?q=SPECIAL-domain", company.adminToken()).json()));
        assertEquals(
                List.of(created.get(6)),
                ids(api.get("/clients?q=" + company.prefix().toLowerCase() + "-clt007", company.adminToken())
                        .json()));
        assertEquals(
                List.of(),
                ids(api.get("/clients?q=%25", company.adminToken()).json()),
                "% is a literal, not a wildcard");
        assertEquals(400, api.get("/clients?limit=501", company.adminToken()).status());
        assertEquals(400, api.get("/clients?cursor=bogus", company.adminToken()).status());

        Api.Reply deactivated = api.patch(
                "/clients/" + created.get(0),
                company.adminToken(),
                "{\"status\":\"DEACTIVATED\",\"phone\":\"+234 801 234 5678\"}");
        assertEquals(200, deactivated.status(), deactivated::toString);
        assertEquals("DEACTIVATED", deactivated.json().getString("status"));
        assertEquals(company.prefix() + "-CLT001", deactivated.json().getString("uid"));
        Api.Reply cleared = api.patch("/clients/" + created.get(0), company.adminToken(), "{\"phone\":null}");
        assertEquals(200, cleared.status(), cleared::toString);
        assertTrue(cleared.json().isNull("phone"), cleared::toString);
        assertEquals(
                "DEACTIVATED",
                api.get("/clients/" + created.get(0), company.adminToken())
                        .json()
                        .getString("status"));
    }

    /**
     * Keyset pages while four writers register clients: every walk through the list must show numbers
     * 1..k with no duplicate and no hole (numbers commit in order under the sequence lock), and k must
     * cover every registration acknowledged before the walk began.
     */
    @Test
    void pagingWhileClientsAreRegisteredShowsNoDuplicatesOrHoles() throws Exception {
        Company company = fixtures.company("Busy Paging Estates");
        for (int i = 1; i <= 20; i++) {
            assertEquals(
                    201,
                    fixtures.register(company, "clients", "Early " + i, "early" + i + "@busy.test")
                            .status());
        }
        AtomicInteger acknowledged = new AtomicInteger(20);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> writing = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writing.add(writers.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    Api.Reply created = fixtures.register(
                            company, "clients", "Late " + writer + "-" + i, "late" + writer + "-" + i + "@busy.test");
                    assertEquals(201, created.status(), created::toString);
                    acknowledged.incrementAndGet();
                }
                return null;
            }));
        }
        int walks = 0;
        try {
            while (walks < 3 || writing.stream().anyMatch(w -> !w.isDone())) {
                int atLeast = acknowledged.get();
                List<Integer> numbers = walkClientNumbers(company, 7);
                assertEquals(
                        IntStream.rangeClosed(1, numbers.size()).boxed().toList(),
                        numbers,
                        "walk " + walks + " must show 1..k without duplicates or holes");
                assertTrue(
                        numbers.size() >= atLeast,
                        "walk " + walks + " saw " + numbers.size() + " clients, but " + atLeast
                                + " had been acknowledged before it began");
                walks++;
            }
            for (Future<?> w : writing) {
                w.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }
        assertEquals(IntStream.rangeClosed(1, 80).boxed().toList(), walkClientNumbers(company, 7));
    }

    private List<Integer> walkClientNumbers(Company company, int pageSize) {
        List<Integer> numbers = new ArrayList<>();
        String cursor = null;
        do {
            Api.Reply page = api.get(
                    "/clients?limit=" + pageSize + (cursor == null ? "" : "&cursor=" + cursor), company.adminToken());
            assertEquals(200, page.status(), page::toString);
            page.items().forEach(item -> {
                String uid = item.asJsonObject().getString("uid");
                numbers.add(Integer.parseInt(uid.substring(uid.lastIndexOf("-CLT") + 4)));
            });
            cursor = page.json().isNull("next") ? null : page.json().getString("next");
        } while (cursor != null);
        return numbers;
    }

    private long ensureOnePerson(Company company) {
        List<Long> existing = ids(api.get("/clients", company.adminToken()).json());
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        return fixtures.register(company, "clients", "Only One", "only@strict.test")
                .id();
    }

    private static long peopleRows(Company company) {
        return Db.single(
                "select (select count(*) from marketer where company_id = ?) + (select count(*) from client where company_id = ?)",
                company.id(),
                company.id());
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getJsonNumber("id").longValue())
                .toList();
    }

    private static String signWithServiceKey(JWTClaimsSet claims) throws Exception {
        RSAKey key;
        try (Connection connection = Db.superuser();
                Statement sql = connection.createStatement();
                ResultSet row =
                        sql.executeQuery("select private_jwk from signing_key order by created_at, kid limit 1")) {
            row.next();
            key = RSAKey.parse(row.getString(1));
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(key.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Changes one character in the middle of the signature. (Not the last one: its low bits are
     * padding that decoding drops, so changing it may leave the signature bytes as they were.)
     */
    private static String flipMiddleChar(String text) {
        int middle = text.length() / 2;
        char flipped = text.charAt(middle) == 'A' ? 'B' : 'A';
        return text.substring(0, middle) + flipped + text.substring(middle + 1);
    }

    /**
     * Issue 25, point 10, and issue 28: Location is built on ESTATEDESK_PUBLIC_URL (the service under test
     * has it), never from the Host header a client sent. (The tests' HTTP client may send Host: pom.xml
     * allows it.)
     */
    @Test
    void locationNeverComesFromTheHostHeader() {
        Company company = fixtures.company("Host Homes");
        Api.Reply created = api.send(api.request("/clients", company.adminToken())
                .header("Content-Type", "application/json")
                .header("Host", "evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Hosted\",\"email\":\"hosted@host.test\"}")));
        assertEquals(201, created.status(), created::toString);
        String location = created.header("Location").orElseThrow();
        String publicUrl = ServiceUnderTest.url().toString().replaceAll("/$", "");
        assertEquals(publicUrl + "/api/v1/clients/" + created.id(), location);
        Api.Reply company2 = api.send(
                api.request("/companies", fixtures.platformToken())
                        .header("Content-Type", "application/json")
                        .header("Host", "evil.example:8443")
                        .POST(
                                java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"Host Check " + System.nanoTime()
                                                + "\",\"admin\":{\"name\":\"A\",\"email\":\"a@hostcheck.test\",\"password\":\"host-check-1\"}}")));
        assertEquals(201, company2.status(), company2::toString);
        assertEquals(
                publicUrl + "/api/v1/companies/" + company2.id(),
                company2.header("Location").orElseThrow());
    }

    @Test
    void idempotencyKeyRetriesCreateOnce() {
        Company company = fixtures.company("Idempotent Homes");
        String body = "{\"name\":\"Once\",\"email\":\"once@idem.test\"}";
        Api.Reply first = api.postWithKey("/clients", company.adminToken(), "key-1", body);
        Api.Reply retry = api.postWithKey("/clients", company.adminToken(), "key-1", body);
        assertEquals(201, first.status(), first::toString);
        assertEquals(201, retry.status(), retry::toString);
        assertEquals(first.body(), retry.body());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(1, Db.single("select count(*) from client where email = 'once@idem.test'"));

        Api.Reply otherBody = api.postWithKey(
                "/clients", company.adminToken(), "key-1", "{\"name\":\"Other\",\"email\":\"other@idem.test\"}");
        assertEquals(422, otherBody.status(), otherBody::toString);
        assertEquals(0, Db.single("select count(*) from client where email = 'other@idem.test'"));
        assertEquals(
                400,
                api.postWithKey("/clients", company.adminToken(), "x".repeat(201), body)
                        .status());

        // Ten concurrent retries of one request: one registration; each answer is the first response or 409 (in
        // progress).
        List<Api.Reply> racing = Concurrently.run(
                10,
                i -> api.postWithKey(
                        "/clients",
                        company.adminToken(),
                        "key-2",
                        "{\"name\":\"Racer\",\"email\":\"racer@idem.test\"}"));
        assertEquals(1, Db.single("select count(*) from client where email = 'racer@idem.test'"));
        List<Api.Reply> created =
                racing.stream().filter(reply -> reply.status() == 201).toList();
        assertTrue(
                created.size() >= 1 && racing.stream().allMatch(r -> r.status() == 201 || r.status() == 409),
                () -> racing.stream().map(Api.Reply::status).toList().toString());
        assertEquals(1, created.stream().map(Api.Reply::body).distinct().count());
        assertEquals(
                2,
                Db.single(
                        "select last_value from company_sequence where company_id = ? and seq_key = 'CLT'",
                        company.id()),
                "no number was spent on a retry");

        // Keys belong to their caller: another company's admin with the same key creates its own.
        Company other = fixtures.company("Idempotent Other");
        assertEquals(
                201,
                api.postWithKey("/clients", other.adminToken(), "key-1", body).status());
        assertEquals(2, Db.single("select count(*) from client where email = 'once@idem.test'"));

        // Companies and assignments honour it too.
        String newCompany = "{\"name\":\"Idem Company " + company.id() + "\",\"admin\":{\"name\":\"A\","
                + "\"email\":\"a@idem.test\",\"password\":\"long-enough\"}}";
        Api.Reply madeOnce = api.postWithKey("/companies", fixtures.platformToken(), "company-key", newCompany);
        assertEquals(201, madeOnce.status(), madeOnce::toString);
        assertEquals(
                madeOnce.body(),
                api.postWithKey("/companies", fixtures.platformToken(), "company-key", newCompany)
                        .body());
        long marketer =
                fixtures.register(company, "marketers", "M", "m@idem.test").id();
        String pair = "{\"clientId\":" + first.id() + ",\"marketerId\":" + marketer + "}";
        assertEquals(
                201,
                api.postWithKey("/assignments", company.adminToken(), "pair-key", pair)
                        .status());
        assertEquals(
                201,
                api.postWithKey("/assignments", company.adminToken(), "pair-key", pair)
                        .status(),
                "not 409: a replay");
        assertEquals(
                1,
                api.get("/assignments?clientId=" + first.id(), company.adminToken())
                        .items()
                        .size());
    }

    @Test
    void openApiDocumentsEveryResourceMethodWithRolesAndProblems() {
        Api.Reply reply = publishedDocument();
        JsonObject paths = reply.json().getJsonObject("paths");
        List<com.estatedesk.platform.openapi.ResourceModel.Endpoint> endpoints =
                com.estatedesk.testsupport.ResourceModel.endpoints();
        for (var endpoint : endpoints) {
            JsonObject item = paths.getJsonObject("/api/v1" + endpoint.template());
            assertTrue(
                    item != null && item.containsKey(endpoint.httpMethod().toLowerCase()),
                    () -> endpoint + " is not documented");
            JsonObject operation = item.getJsonObject(endpoint.httpMethod().toLowerCase());
            Set<String> roles = operation.containsKey("x-roles")
                    ? Set.copyOf(operation.getJsonArray("x-roles").getValuesAs(jakarta.json.JsonString::getString))
                    : Set.of();
            assertEquals(endpoint.permitAll() ? Set.of() : endpoint.roles(), roles, endpoint::toString);
            assertTrue(operation.getJsonObject("responses").containsKey("400"), endpoint::toString);
            assertEquals(
                    endpoint.permitAll() ? "[{}]" : "[{\"bearer\":[]}]",
                    String.valueOf(operation.get("security")),
                    endpoint::toString);
        }
        long documented = paths.values().stream()
                .mapToLong(item -> item.asJsonObject().size())
                .sum();
        assertEquals(
                endpoints.stream().map(Object::toString).distinct().count(),
                documented,
                "nothing documented that does not exist");
        assertTrue(reply.json()
                .getJsonObject("components")
                .getJsonObject("schemas")
                .containsKey("Problem"));
    }

    @Test
    void publishedDocumentValidatesAsOpenApi() {
        Api.Reply reply = publishedDocument();
        io.swagger.v3.parser.core.models.ParseOptions options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        JsonObject published = reply.json();
        if (System.getProperty("estatedesk.server", "payara").equals("payara")) {
            // Payara 6.2025.10 serialises a top-level "endpoints" that OpenAPI 3.0 forbids, past every
            // filter; fixed upstream as "x-endpoints" (payara/Payara#7891, Payara 7 only). The one
            // tolerance, kept honest: when a Payara 6 release fixes it, this fails and the tolerance goes.
            assertTrue(published.containsKey("endpoints"), "Payara fixed it: drop this tolerance");
            published = jakarta.json.Json.createObjectBuilder(published)
                    .remove("endpoints")
                    .build();
        }
        io.swagger.v3.parser.core.models.SwaggerParseResult parsed =
                new io.swagger.v3.parser.OpenAPIV3Parser().readContents(published.toString(), null, options);
        assertEquals(List.of(), parsed.getMessages(), "the validator's messages");
        var document = parsed.getOpenAPI();
        assertFalse(document.getServers().get(0).getUrl().endsWith("/"), "a server URL without a trailing slash");
        var tokenOperation = document.getPaths().get("/api/v1/auth/token").getPost();
        assertEquals(
                List.of(new io.swagger.v3.oas.models.security.SecurityRequirement()),
                tokenOperation.getSecurity(),
                "POST /auth/token says it needs no token (security: [{}])");
    }

    /** The OpenAPI document as the server publishes it, in JSON. */
    private Api.Reply publishedDocument() {
        Api.Reply reply = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.base()).resolve("/openapi?format=JSON"))
                .GET());
        assertEquals(200, reply.status(), reply::toString);
        return reply;
    }
}
