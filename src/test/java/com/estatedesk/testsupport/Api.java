package com.estatedesk.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A plain HTTP client of the running service: what any REST client would send and see. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String base;

    public Api(URL deployment) {
        String root = deployment.toString();
        this.base = (root.endsWith("/") ? root : root + "/") + "api/v1";
    }

    public String base() {
        return base;
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Reply post(String path, String token, String json) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply patch(String path, String token, String json) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** Any request, for the cases the helpers above do not cover (media types, raw bodies, headers). */
    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST of JSON with an Idempotency-Key. */
    public Reply postWithKey(String path, String token, String key, String json) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The service's Prometheus scrape (/metrics). */
    public String metrics() {
        Reply reply = send(HttpRequest.newBuilder(URI.create(base.replace("/api/v1", "/metrics")))
                .header("Authorization", "Bearer " + System.getenv("ESTATEDESK_METRICS_TOKEN"))
                .GET());
        if (reply.status() != 200 || !reply.contentType().startsWith("text/plain")) {
            throw new IllegalStateException("metrics: " + reply);
        }
        return reply.body();
    }

    /** One series of a scrape ("name{labels}" as printed), 0 when absent. */
    public static double metric(String scrape, String series) {
        return scrape.lines()
                .filter(line -> line.startsWith(series + " "))
                .findFirst()
                .map(line ->
                        Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElse(0.0);
    }

    public static double delta(String before, String after, String series) {
        return metric(after, series) - metric(before, series);
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** An HTTP answer with its body parsed as JSON where it is JSON. */
    public record Reply(int status, String body, HttpResponse<String> raw) {

        Reply(HttpResponse<String> response) {
            this(response.statusCode(), response.body(), response);
        }

        public JsonObject json() {
            try {
                return Json.createReader(new StringReader(body)).readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("Not a JSON object (status " + status + "): " + body, e);
            }
        }

        public JsonArray items() {
            return json().getJsonArray("items");
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public long id() {
            return json().getJsonNumber("id").longValue();
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        /** The problem's type and title: what must be identical between two "not found" answers. */
        public List<Object> problemIdentity() {
            JsonObject problem = json();
            return List.of(
                    status,
                    problem.getString("type"),
                    problem.getString("title"),
                    problem.getString("detail"),
                    problem.getOrDefault("errors", JsonValue.NULL).toString());
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
