package com.estatedesk.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Companies, people and tokens created through the public API, unique per test run. */
public final class Fixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    public static final String ADMIN_PASSWORD = ServiceAccounts.ADMIN_PASSWORD;

    /**
     * One platform admin's login per run and service: every test needs one, and each login is a password
     * hash. A test that ends a platform admin's token takes {@link #ownPlatformToken()}.
     */
    private static final Map<String, String> PLATFORM_TOKENS = new ConcurrentHashMap<>();

    private final Api api;

    public Fixtures(Api api) {
        this.api = api;
    }

    public record Company(long id, String name, String slug, String prefix, String adminEmail, String adminToken) {}

    public String platformToken() {
        return PLATFORM_TOKENS.computeIfAbsent(api.base(), base -> ownPlatformToken());
    }

    /** A platform admin's token of its own, for a test that ends it (a logout): never the shared one. */
    public String ownPlatformToken() {
        return login(System.getenv("ESTATEDESK_ADMIN_EMAIL"), System.getenv("ESTATEDESK_ADMIN_PASSWORD"), null);
    }

    public String login(String email, String password, String companySlug) {
        Api.Reply reply = api.post("/auth/token", null, credentials(email, password, companySlug));
        assertEquals(200, reply.status(), () -> "login of " + email + ": " + reply);
        return reply.json().getString("accessToken");
    }

    public static String credentials(String email, String password, String companySlug) {
        return ServiceAccounts.credentials(email, password, companySlug);
    }

    /** A company with an explicit, unique prefix (derivation is tested on its own). */
    public Company company(String label) {
        String unique = label + " " + UUID.randomUUID().toString().substring(0, 8);
        String prefix = "T" + letters(SERIAL.incrementAndGet()) + "Q" + (System.nanoTime() % 1000);
        return company(unique, prefix);
    }

    public Company company(String name, String explicitPrefix) {
        ServiceAccounts.NewCompany created =
                ServiceAccounts.createCompany(api.base(), platformToken(), name, explicitPrefix);
        return new Company(
                created.id(), name, created.slug(), created.prefix(), created.adminEmail(), created.adminToken());
    }

    public Api.Reply register(Company company, String kind, String name, String email) {
        return api.post("/" + kind, company.adminToken(), person(name, email, null));
    }

    public static String person(String name, String email, String password) {
        var body = Json.createObjectBuilder().add("name", name).add("email", email);
        if (password != null) {
            body.add("password", password);
        }
        return body.build().toString();
    }

    /** 1 → "B", 2 → "C", … 25 → "Z", 26 → "BB": letters only, never "A" so it cannot collide with derived ones. */
    private static String letters(int n) {
        StringBuilder text = new StringBuilder();
        do {
            text.append((char) ('B' + (n % 25)));
            n /= 25;
        } while (n > 0);
        return text.toString();
    }
}
