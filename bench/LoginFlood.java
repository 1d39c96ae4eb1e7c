import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** See bench/login-flood.sh. Args: base URL, platform admin email, password, seconds per phase. */
public class LoginFlood {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8))
            .build();
    static String api;

    public static void main(String[] args) throws Exception {
        api = args[0] + "/api/v1";
        int seconds = Integer.parseInt(args[3]);
        String platform = token(login(args[1], args[2], null));
        String slugA = company(platform, "Flooded Homes", "flooded");
        String slugB = company(platform, "Bystander Homes", "bystander");
        String tokenB = token(login("admin@bystander.test", "bystander-password", slugB));

        measure(tokenB, 3, null); // warm-up
        List<Long> baseline = measure(tokenB, seconds, null);

        // Bursts of 200 wrong logins sent at once (each for a new email, so the per-email throttle alone cannot
        // stop them: the bounded hashing must), one burst after the other while GET /me is measured.
        Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService flood = Executors.newFixedThreadPool(200);
        AtomicLong serial = new AtomicLong();
        List<Long> bursts = Collections.synchronizedList(new ArrayList<>());
        Thread bursting = new Thread(() -> {
            while (flooding.get()) {
                long start = System.nanoTime();
                List<java.util.concurrent.Future<?>> burst = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    burst.add(flood.submit(() -> {
                        try {
                            int status = login(
                                            "guess-" + serial.incrementAndGet() + "@flooded.test",
                                            "wrong-password",
                                            slugA)
                                    .statusCode();
                            answers.computeIfAbsent(status, s -> new AtomicLong())
                                    .incrementAndGet();
                        } catch (Exception e) {
                            answers.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                        }
                    }));
                }
                for (var login : burst) {
                    try {
                        login.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                bursts.add(System.nanoTime() - start);
            }
        });
        bursting.start();
        List<Long> flooded = measure(tokenB, seconds, flooding);
        flooding.set(false);
        bursting.join();
        flood.shutdown();

        System.out.printf("GET /me of another company, %d s per phase%n", seconds);
        System.out.printf(
                "  alone:                      n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
                baseline.size(), ms(baseline, 50), ms(baseline, 99), ms(baseline, 100));
        System.out.printf(
                "  during bursts of 200 parallel wrong logins: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms (target p99 <= 250 ms)%n",
                flooded.size(), ms(flooded, 50), ms(flooded, 99), ms(flooded, 100));
        System.out.printf("  p99 ratio flood/alone: %.2f%n", ms(flooded, 99) / ms(baseline, 99));
        System.out.printf(
                "  %d bursts of 200 parallel wrong logins, each answered in p50=%.0f ms max=%.0f ms%n",
                bursts.size(), ms(bursts, 50), ms(bursts, 100));
        System.out.println("  the flood was answered (status -> count): " + new java.util.TreeMap<>(answers));
        System.exit(0); // the HTTP client's executor threads would keep the JVM alive
    }

    static List<Long> measure(String token, int seconds, AtomicBoolean whileTrue) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            HttpResponse<String> reply = HTTP.send(
                    HttpRequest.newBuilder(URI.create(api + "/me"))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("GET /me: " + reply.statusCode() + " " + reply.body());
            }
            nanos.add(System.nanoTime() - start);
            Thread.sleep(20);
        }
        return nanos;
    }

    static double ms(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    static String company(String platform, String name, String label) throws Exception {
        HttpResponse<String> created = post(
                "/companies",
                platform,
                "{\"name\":\"" + name + "\",\"admin\":{\"name\":\"Admin\"," + "\"email\":\"admin@" + label
                        + ".test\",\"password\":\"" + label + "-password\"}}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("company: " + created.body());
        }
        Matcher slug = Pattern.compile("\"slug\":\"([^\"]+)\"").matcher(created.body());
        slug.find();
        return slug.group(1);
    }

    static HttpResponse<String> login(String email, String password, String slug) throws Exception {
        return post(
                "/auth/token",
                null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\""
                        + (slug == null ? "" : ",\"company\":\"" + slug + "\"") + "}");
    }

    static String token(HttpResponse<String> reply) {
        Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(reply.body());
        if (!token.find()) {
            throw new IllegalStateException("login: " + reply.statusCode() + " " + reply.body());
        }
        return token.group(1);
    }

    static HttpResponse<String> post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
