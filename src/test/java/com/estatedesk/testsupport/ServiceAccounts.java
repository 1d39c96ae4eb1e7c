package com.estatedesk.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creating a company and signing in, over the public API with nothing but the JDK: the one helper
 * shared by the tests ({@link Fixtures}), the benchmarks ({@code bench/*.java}) and the drills
 * ({@code scripts/FaultDrill.java}), which run with {@code target/test-classes} on their class path.
 * {@code api} is the API's root, ending in {@code /api/v1}.
 */
public final class ServiceAccounts {

    /** The password of every company admin created here. */
    public static final String ADMIN_PASSWORD = "company-admin-secret";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public record NewCompany(long id, String name, String slug, String prefix, String adminEmail, String adminToken) {}

    private ServiceAccounts() {}

    /** A company (with {@code prefix}, or a derived one when null) and a signed-in admin of it. */
    public static NewCompany createCompany(String api, String platformToken, String name, String prefix) {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.test";
        String body = "{\"name\":" + quoted(name) + (prefix == null ? "" : ",\"prefix\":" + quoted(prefix))
                + ",\"admin\":{\"name\":" + quoted("Admin of " + name) + ",\"email\":" + quoted(adminEmail)
                + ",\"password\":" + quoted(ADMIN_PASSWORD) + "}}";
        HttpResponse<String> created = post(api + "/companies", platformToken, body);
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "create company " + name + ": " + created.statusCode() + " " + created.body());
        }
        String slug = field(created.body(), "slug");
        return new NewCompany(
                Long.parseLong(field(created.body(), "id")),
                name,
                slug,
                field(created.body(), "prefix"),
                adminEmail,
                token(api, adminEmail, ADMIN_PASSWORD, slug));
    }

    /** A bearer token; {@code companySlug} null for a platform admin. */
    public static String token(String api, String email, String password, String companySlug) {
        return token(api, credentials(email, password, companySlug));
    }

    /** A bearer token for credentials already written as JSON. */
    public static String token(String api, String credentialsJson) {
        HttpResponse<String> reply = post(api + "/auth/token", null, credentialsJson);
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("login: " + reply.statusCode() + " " + reply.body());
        }
        return field(reply.body(), "accessToken");
    }

    public static String credentials(String email, String password, String companySlug) {
        return "{\"email\":" + quoted(email) + ",\"password\":" + quoted(password)
                + (companySlug == null ? "" : ",\"company\":" + quoted(companySlug)) + "}";
    }

    /** A top-level string or number field of a flat JSON answer. */
    public static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static HttpResponse<String> post(String url, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(url, e);
        }
    }
}
