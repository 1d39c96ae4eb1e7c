import static com.estatedesk.testsupport.ServiceAccounts.createCompany;
import static com.estatedesk.testsupport.ServiceAccounts.field;
import static com.estatedesk.testsupport.ServiceAccounts.token;

import com.estatedesk.testsupport.ServiceAccounts.NewCompany;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The multi-instance and fault drill, against scripts/cluster.sh (two instances behind HAProxy).
 *
 * First the cluster checks: a token issued by one instance is accepted by the other, a login deactivated
 * on one is refused by the other, and the audit timer of both instances ran the daily audit once.
 * Then registrations with Idempotency-Key run through HAProxy from several clients for the whole drill,
 * each retried with the same key and body until it is acknowledged (201), while three faults are injected
 * one after the other: kill -9 of instance 1, a PostgreSQL restart, pg_terminate_backend of every
 * connection of the service. Afterwards, from the database: acknowledged registrations missing (lost),
 * emails registered twice (duplicates), holes in each company's numbers (gaps), and the audit.
 *
 * java -cp postgresql.jar scripts/FaultDrill.java <lb url> <instance 1 url> <instance 2 url> <jdbc url> <platform email> <platform password>
 */
public class FaultDrill {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    static final int CLIENTS = 8;
    static final int COMPANIES = 4;
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);

    record Ack(int company, String email, String uid, long firstAttemptNanos, long ackNanos, int attempts) {}

    /**
     * A failed attempt: what the client saw, and whether it is an answer a client may retry (503 with
     * Retry-After, 409 while the same key's first attempt still runs, or no answer at all).
     */
    record Failure(long atNanos, String what, boolean retryable) {}

    static final ConcurrentLinkedQueue<Ack> ACKS = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Failure> FAILURES = new ConcurrentLinkedQueue<>();
    static final AtomicInteger GAVE_UP = new AtomicInteger();
    static final AtomicInteger SERIAL = new AtomicInteger();
    static final long START = System.nanoTime();

    public static void main(String[] args) throws Exception {
        String lb = args[0] + "/api/v1";
        String one = args[1] + "/api/v1";
        String two = args[2] + "/api/v1";
        String jdbc = args[3];
        String platform = token(lb, "{\"email\":\"" + args[4] + "\",\"password\":\"" + args[5] + "\"}");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        String mode = args.length > 6 ? args[6] : "single";

        System.out.println("== Cluster checks");
        clusterChecks(one, two, platform, jdbc, run);

        List<NewCompany> companies = new ArrayList<>();
        for (int i = 0; i < COMPANIES; i++) {
            companies.add(createCompany(
                    lb, platform, "Drill " + run + " " + i, "D" + (char) ('A' + i) + run.replaceAll("[0-9]", "")));
        }

        System.out.println("== Load: " + CLIENTS + " clients, " + COMPANIES
                + " companies, every registration retried with its Idempotency-Key until acknowledged");
        AtomicBoolean running = new AtomicBoolean(true);
        // Daemon threads: a step that throws ends the drill instead of leaving the load running forever.
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, work -> {
            Thread thread = new Thread(work);
            thread.setDaemon(true);
            return thread;
        });
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                int n = 0;
                while (running.get()) {
                    register(lb, companies, (client + n++) % COMPANIES);
                }
                return null;
            });
        }
        List<String> results = new ArrayList<>();
        List<String> bounds = new ArrayList<>();
        pause(8);
        boolean consistent = true;
        if (mode.equals("backup")) {
            boolean restored = backupDrill(jdbc, companies, platform, running, clients);
            System.out.println(restored ? "BACKUP DRILL PASSED" : "BACKUP DRILL FAILED");
            System.exit(restored ? 0 : 1);
        }
        if (mode.equals("ha")) {
            // Patroni: PostgreSQL itself fails over; each step is checked from the database before the next,
            // and each has its bound (issue 29): what an operator plans fails nothing, a crash at most 10 s.
            String primary = sh("scripts/ha.sh primary").trim();
            Outcome crash = scenario(
                    "kill -9 of the primary's postmaster (" + primary + ")", () -> sh("scripts/ha.sh kill-primary"));
            results.add(crash.line());
            consistent &= verify(jdbc, companies, lb, platform, false);
            bounds.add(bound(crash.failureSeconds() <= 10, "kill -9: failures for at most 10 s", crash));
            results.add(scenario(
                            "old primary rejoins as a replica (" + primary + ")",
                            () -> sh("scripts/ha.sh wait-replica " + primary))
                    .line());
            consistent &= verify(jdbc, companies, lb, platform, false);
            Outcome switchover =
                    scenario("planned switchover (scripts/ha.sh switchover)", () -> sh("scripts/ha.sh switchover"));
            results.add(switchover.line());
            consistent &= verify(jdbc, companies, lb, platform, false);
            bounds.add(bound(
                    switchover.failures() == 0 && switchover.longestWait() <= 3,
                    "switchover: no failed request, no wait over 3 s",
                    switchover));
            String replica = sh("scripts/ha.sh replica").trim();
            results.add(scenario(
                            "replica stopped (" + replica + "): the primary runs alone",
                            () -> sh("scripts/ha.sh stop-node " + replica))
                    .line());
            consistent &= verify(jdbc, companies, lb, platform, false);
            sh("scripts/ha.sh start-node " + replica + " && scripts/ha.sh wait-replica " + replica);
            Outcome rolling = scenario(
                    "rolling restart of every instance (scripts/cluster.sh rolling-restart)",
                    () -> sh("scripts/cluster.sh rolling-restart"));
            results.add(rolling.line());
            consistent &= verify(jdbc, companies, lb, platform, false);
            bounds.add(bound(rolling.failures() == 0, "rolling restart: no failed request", rolling));
        } else {
            results.add(scenario("kill -9 instance 1", () -> {
                        // The pid cluster.sh recorded: a pgrep pattern would also match this very shell's command line.
                        sh("kill -9 $(cat target/cluster/instance-"
                                + URI.create(args[1]).getPort() + ".pid)");
                    })
                    .line());
            System.out.println("   (instance 1 is started again; it is the crashed one, not the survivor)");
            sh("scripts/cluster.sh restart-instance 1");
            pause(5);
            results.add(scenario(
                            "PostgreSQL restart",
                            () -> sh("pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main restart"))
                    .line());
            results.add(scenario(
                            "pg_terminate_backend of the service's connections",
                            () -> sh(
                                    "echo \"   connections terminated: $(psql -h 127.0.0.1 -U postgres -qAt -c \"select count(pg_terminate_backend(pid)) from pg_stat_activity"
                                            + " where datname = current_database() and application_name like 'estatedesk%'\" "
                                            + database(jdbc) + ")\""))
                    .line());
        }
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(GIVE_UP_AFTER.toSeconds() + 30, TimeUnit.SECONDS);

        System.out.println("== Results");
        results.forEach(System.out::println);
        bounds.forEach(System.out::println);
        boolean ok = verify(jdbc, companies, lb, platform, true)
                && consistent
                && eachCompanySeesOnlyItsOwn(lb, companies, jdbc);
        List<String> kinds =
                FAILURES.stream().map(Failure::what).distinct().sorted().toList();
        boolean onlyRetryable = FAILURES.stream().allMatch(Failure::retryable);
        System.out.println("answers other than 201 that clients saw: " + (kinds.isEmpty() ? "none" : kinds)
                + (onlyRetryable
                        ? " (503 + Retry-After, 409 while a retry's first attempt was still running, or no answer at all)"
                        : " <- NOT ONLY 503/409"));
        ok &= onlyRetryable;
        ok &= bounds.stream().noneMatch(line -> line.startsWith("MISSED"));
        System.out.println(ok ? "DRILL PASSED" : "DRILL FAILED");
        System.exit(ok ? 0 : 1);
    }

    /**
     * Backups under load, a mistake, and a point-in-time restore to just before it (issue 29): a full and
     * an incremental backup while registrations run, then the schema's owner drops a table; the latest
     * backup is restored into a new cluster and WAL replayed to the moment before the drop. From the copy,
     * through an instance of the service started on it: every registration acknowledged before the drop
     * is there, each company numbered 1..n, the dropped table back, and the audit green.
     */
    static boolean backupDrill(
            String jdbc, List<NewCompany> companies, String platform, AtomicBoolean running, ExecutorService clients)
            throws Exception {
        System.out.println("== Backups under load");
        sh("scripts/ha.sh backup full");
        pause(6);
        sh("scripts/ha.sh backup incr");
        pause(6);
        long beforeDamage = System.nanoTime();
        String damageAt;
        try (Connection owner = DriverManager.getConnection(jdbc, "estatedesk_cluster_owner", "cluster")) {
            owner.setAutoCommit(false);
            try (var statement = owner.createStatement()) {
                ResultSet now = statement.executeQuery("select clock_timestamp()::text");
                now.next();
                damageAt = now.getString(1);
                statement.execute("drop table message cascade");
            }
            owner.commit();
        }
        System.out.printf("-- the mistake at %s: the owner dropped table message, under load%n", damageAt);
        pause(3);
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(GIVE_UP_AFTER.toSeconds() + 30, TimeUnit.SECONDS);
        List<Ack> acknowledged = List.copyOf(ACKS);
        List<Ack> beforeTheMistake =
                acknowledged.stream().filter(a -> a.ackNanos() < beforeDamage).toList();

        System.out.println("== Point-in-time restore into a new cluster, to just before the mistake");
        long restoreStarted = System.nanoTime();
        sh("scripts/ha.sh restore '" + damageAt + "' " + RESTORED_DIR + " " + RESTORED_PORT);
        double restoreSeconds = (System.nanoTime() - restoreStarted) / 1e9;
        String copy = jdbc.replaceFirst("127\\.0\\.0\\.1:\\d+", "127.0.0.1:" + RESTORED_PORT);
        sh("DB_HOST=127.0.0.1 DB_PORT=" + RESTORED_PORT + " DB_NAME=" + database(jdbc)
                + " DB_USER=estatedesk_cluster_app DB_PASSWORD=cluster DB_OWNER_USER=estatedesk_cluster_owner"
                + " DB_OWNER_PASSWORD=cluster DB_PREPARE_THRESHOLD=5 PORT=" + RESTORED_API_PORT + " SKIP_BUILD=1"
                + " ESTATEDESK_DRAIN_SECONDS=0 nohup server-config/payara/run.sh > target/cluster/restored-instance.log 2>&1"
                + " < /dev/null & echo $! > target/cluster/restored-instance.pid");
        String restoredApi = "http://localhost:" + RESTORED_API_PORT;
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline && !ready(restoredApi)) {
            pause(1);
        }
        System.out.printf("an instance of the service on the copy is ready (%s)%n", restoredApi);

        boolean tableBack;
        try (Connection db = DriverManager.getConnection(copy, "postgres", "")) {
            ResultSet table = db.createStatement().executeQuery("select to_regclass('message') is not null");
            table.next();
            tableBack = table.getBoolean(1);
        }
        long acknowledgedAfter = acknowledged.size() - beforeTheMistake.size();
        System.out.printf(
                "registrations acknowledged before the mistake: %d (all must be in the copy); after it, until the"
                        + " load stopped: %d (the copy ends at the mistake: these are the writes an operator"
                        + " re-applies or accepts to lose)%n",
                beforeTheMistake.size(), acknowledgedAfter);
        boolean ok = verify(copy, companies, restoredApi + "/api/v1", platform, false, beforeTheMistake);
        System.out.println("table message in the copy: " + (tableBack ? "back" : "MISSING"));
        System.out.printf("restore (files, WAL replay to the target, promotion): %.1f s%n", restoreSeconds);
        return ok && tableBack;
    }

    static final String RESTORED_DIR = "target/ha/restored";
    static final int RESTORED_PORT = 5450;
    static final int RESTORED_API_PORT = 8085;

    static boolean ready(String base) {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                                            .timeout(Duration.ofSeconds(3))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    interface Fault {
        void inject() throws Exception;
    }

    /**
     * Injects a fault while the load runs and reports what clients saw: failed attempts (all retried with
     * the same key), the recovery time — from the fault until the last failed attempt, once three seconds
     * pass without one and every registration in flight at the fault is acknowledged — and the longest
     * any client waited for an acknowledgment meanwhile.
     */
    /** What clients saw of one fault: failed attempts, from the fault to the last of them, the longest wait. */
    record Outcome(String line, int failures, double failureSeconds, double longestWait) {}

    static String bound(boolean held, String what, Outcome outcome) {
        return String.format(
                "%s %s (failed attempts %d, failures for %.1f s, longest wait %.1f s)",
                held ? "HELD  " : "MISSED", what, outcome.failures(), outcome.failureSeconds(), outcome.longestWait());
    }

    static Outcome scenario(String name, Fault fault) throws Exception {
        int failuresBefore = FAILURES.size();
        long injected = System.nanoTime();
        System.out.printf("-- %s at %.1f s%n", name, (injected - START) / 1e9);
        fault.inject();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            pause(0.2);
            long lastFailure = FAILURES.size() > failuresBefore
                    ? new ArrayList<>(FAILURES).get(FAILURES.size() - 1).atNanos()
                    : injected;
            boolean inFlightDone = PENDING.values().stream().noneMatch(started -> started <= injected);
            // A pooler may hold requests rather than fail them: recovered means a registration begun after
            // the fault was acknowledged, not merely that nothing failed for a while.
            boolean recovered = ACKS.stream().anyMatch(a -> a.firstAttemptNanos() > injected);
            // ... and writes flow: none has been waiting for more than 2 s (a commit may hang, rather than
            // fail, while a new primary waits for a synchronous standby).
            long now = System.nanoTime();
            boolean flowing = PENDING.values().stream().noneMatch(started -> now - started > 2e9);
            if (inFlightDone && recovered && flowing && now - lastFailure > 3e9) {
                break;
            }
        }
        long windowEnd = System.nanoTime();
        List<Failure> seen = new ArrayList<>(FAILURES).subList(failuresBefore, FAILURES.size());
        Map<String, Integer> kinds = new TreeMap<>();
        seen.forEach(f -> kinds.merge(f.what(), 1, Integer::sum));
        long longestWait = ACKS.stream()
                .filter(a -> a.ackNanos() > injected && a.ackNanos() <= windowEnd)
                .mapToLong(a -> a.ackNanos() - a.firstAttemptNanos())
                .max()
                .orElse(0);
        long firstAck = ACKS.stream()
                .filter(a -> a.firstAttemptNanos() > injected)
                .mapToLong(Ack::ackNanos)
                .min()
                .orElse(windowEnd);
        String recovery = seen.isEmpty()
                ? "no failed attempt"
                : String.format(
                        "failures stopped %.1f s after the fault",
                        (seen.get(seen.size() - 1).atNanos() - injected) / 1e9);
        String line = String.format(
                "%-50s first write begun after the fault acknowledged %.1f s after it; %s; longest wait for an acknowledgment %.1f s;"
                        + " failed attempts, all retried: %d %s",
                name, (firstAck - injected) / 1e9, recovery, longestWait / 1e9, seen.size(), kinds);
        double failureSeconds = seen.isEmpty() ? 0 : (seen.get(seen.size() - 1).atNanos() - injected) / 1e9;
        return new Outcome(line, seen.size(), failureSeconds, longestWait / 1e9);
    }

    /** The service's problem title, or who else answered (HAProxy with no instance up answers in HTML). */
    static String whoAnswered(HttpResponse<String> response) {
        boolean problem =
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        try {
            return problem ? field(response.body(), "title") : "not the service: no problem+json";
        } catch (RuntimeException unreadable) {
            return "unreadable problem";
        }
    }

    static final Map<String, Long> PENDING = new ConcurrentHashMap<>();

    static void register(String api, List<NewCompany> companies, int companyIndex) {
        NewCompany company = companies.get(companyIndex);
        int n = SERIAL.incrementAndGet();
        String email = "drill" + n + "@c" + companyIndex + ".test";
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Drill " + n + "\",\"email\":\"" + email + "\"}";
        long first = System.nanoTime();
        PENDING.put(key, first);
        int attempts = 0;
        try {
            while (System.nanoTime() - first < GIVE_UP_AFTER.toNanos()) {
                attempts++;
                try {
                    HttpResponse<String> response = HTTP.send(
                            HttpRequest.newBuilder(URI.create(api + "/clients"))
                                    .timeout(Duration.ofSeconds(20))
                                    .header("Authorization", "Bearer " + company.adminToken())
                                    .header("Content-Type", "application/json")
                                    .header("Idempotency-Key", key)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) {
                        ACKS.add(new Ack(
                                companyIndex,
                                email,
                                field(response.body(), "uid"),
                                first,
                                System.nanoTime(),
                                attempts));
                        return;
                    }
                    boolean retryAfter =
                            response.headers().firstValue("Retry-After").isPresent();
                    FAILURES.add(new Failure(
                            System.nanoTime(),
                            "HTTP " + response.statusCode()
                                    + (response.statusCode() == 503 && !retryAfter ? " without Retry-After" : "")
                                    + " (" + whoAnswered(response) + ")",
                            (response.statusCode() == 503 && retryAfter) || response.statusCode() == 409));
                } catch (Exception e) {
                    // A connection cut with no answer at all (an instance killed mid-request) is retried alike.
                    FAILURES.add(new Failure(System.nanoTime(), e.getClass().getSimpleName(), true));
                }
                pause(0.25);
            }
            GAVE_UP.incrementAndGet();
        } finally {
            PENDING.remove(key);
        }
    }

    /**
     * Checks the database against the acknowledgments. Mid-drill ({@code complete} false, load running) a
     * row may be committed but not yet acknowledged, so only lost, doubled, wrong and gaps count then.
     */
    static boolean verify(String jdbc, List<NewCompany> companies, String api, String platform, boolean complete)
            throws Exception {
        return verify(jdbc, companies, api, platform, complete, List.copyOf(ACKS));
    }

    static boolean verify(
            String jdbc, List<NewCompany> companies, String api, String platform, boolean complete, List<Ack> acks)
            throws Exception {
        int lost = 0;
        int duplicates = 0;
        int gaps = 0;
        int wrongUid = 0;
        int unacknowledged = 0;
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
            for (int c = 0; c < companies.size(); c++) {
                Map<String, List<String>> uidsByEmail = new HashMap<>();
                List<Long> numbers = new ArrayList<>();
                try (PreparedStatement select = db.prepareStatement(
                        "select email, uid, uid_number from client where company_id = ? order by uid_number")) {
                    select.setLong(1, companies.get(c).id());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            uidsByEmail
                                    .computeIfAbsent(rows.getString(1), e -> new ArrayList<>())
                                    .add(rows.getString(2));
                            numbers.add(rows.getLong(3));
                        }
                    }
                }
                for (int i = 0; i < numbers.size(); i++) {
                    if (numbers.get(i) != i + 1) {
                        gaps++;
                        break;
                    }
                }
                duplicates += (int) uidsByEmail.values().stream()
                        .filter(uids -> uids.size() > 1)
                        .count();
                int company = c;
                List<Ack> ours =
                        acks.stream().filter(a -> a.company() == company).toList();
                for (Ack ack : ours) {
                    List<String> uids = uidsByEmail.getOrDefault(ack.email(), List.of());
                    if (uids.isEmpty()) {
                        lost++;
                    } else if (!uids.contains(ack.uid())) {
                        wrongUid++;
                    }
                }
                unacknowledged += uidsByEmail.size() - ours.size();
                System.out.printf(
                        "company %s: %d rows, numbers %s%n",
                        companies.get(c).prefix(),
                        numbers.size(),
                        numbers.isEmpty()
                                ? "-"
                                : "1.." + numbers.get(numbers.size() - 1)
                                        + (gaps == 0 ? " without holes" : " WITH HOLES"));
            }
        }
        HttpResponse<String> audit = null;
        for (int attempt = 0; attempt < 20 && (audit == null || audit.statusCode() == 503); attempt++) {
            if (attempt > 0) {
                pause(1); // the checker retries a 503 like any client would
            }
            audit = HTTP.send(
                    HttpRequest.newBuilder(URI.create(api + "/audit"))
                            .header("Authorization", "Bearer " + platform)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        boolean auditGreen = audit.statusCode() == 200 && audit.body().startsWith("{\"ok\":true");
        int retried = (int) acks.stream().filter(a -> a.attempts() > 1).count();
        System.out.printf(
                "acknowledged registrations: %d (%d needed more than one attempt), failed attempts in all: %d, given up: %d%n",
                acks.size(), retried, FAILURES.size(), GAVE_UP.get());
        System.out.printf(
                "lost acknowledged writes: %d, duplicates: %d, gaps: %d, uid differing from the acknowledged one: %d,"
                        + " rows never acknowledged: %d%n",
                lost, duplicates, gaps, wrongUid, unacknowledged);
        System.out.println("audit through " + api + ": "
                + (auditGreen ? "all checks green" : audit.statusCode() + " " + audit.body()));
        return lost == 0
                && duplicates == 0
                && gaps == 0
                && wrongUid == 0
                && (!complete || unacknowledged == 0)
                && GAVE_UP.get() == 0
                && auditGreen;
    }

    /**
     * Mixed tenants through shared (pooled) server connections: each company's export, through the load
     * balancer, holds exactly its own rows, all with its own prefix.
     */
    static boolean eachCompanySeesOnlyItsOwn(String api, List<NewCompany> companies, String jdbc) throws Exception {
        int leaks = 0;
        int missing = 0;
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
            for (NewCompany company : companies) {
                HttpResponse<String> export = HTTP.send(
                        HttpRequest.newBuilder(URI.create(api + "/clients"))
                                .header("Authorization", "Bearer " + company.adminToken())
                                .header("Accept", "text/csv")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                List<String> uids = export.body()
                        .lines()
                        .skip(1)
                        .map(line -> line.split(",")[0])
                        .toList();
                leaks += (int) uids.stream()
                        .filter(uid -> !uid.startsWith(company.prefix() + "-"))
                        .count();
                try (PreparedStatement count =
                        db.prepareStatement("select count(*) from client where company_id = ?")) {
                    count.setLong(1, company.id());
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        missing += Math.abs(row.getInt(1) - uids.size());
                    }
                }
            }
        }
        System.out.printf(
                "each company's export through the load balancer: %d rows of another company, %d rows missing%n",
                leaks, missing);
        return leaks == 0 && missing == 0;
    }

    static void clusterChecks(String one, String two, String platform, String jdbc, String run) throws Exception {
        NewCompany company = createCompany(one, platform, "Cluster " + run, "CK" + run.replaceAll("[0-9]", ""));
        String email = "agent-" + run.toLowerCase() + "@cluster.test";
        HttpResponse<String> agent = registerMarketer(one, company.adminToken(), "Agent", email, "agent-password");
        check(agent.statusCode() == 201, "marketer registered on instance 1: " + field(agent.body(), "uid"));
        HttpResponse<String> me = HTTP.send(
                HttpRequest.newBuilder(URI.create(two + "/me"))
                        .header("Authorization", "Bearer " + company.adminToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        check(
                me.statusCode() == 200,
                "a token issued by instance 1 is accepted by instance 2 (GET /me " + me.statusCode() + ")");
        String slug = field(get(one + "/me", company.adminToken()), "slug");
        String credentials =
                "{\"email\":\"" + email + "\",\"password\":\"agent-password\",\"company\":\"" + slug + "\"}";
        check(tokenStatus(two, credentials) == 200, "the marketer gets a token from instance 2");
        String agentToken = token(two, credentials);
        HttpResponse<String> deactivated = HTTP.send(
                HttpRequest.newBuilder(URI.create(one + "/marketers/" + field(agent.body(), "id")))
                        .header("Authorization", "Bearer " + company.adminToken())
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"DEACTIVATED\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        int after = tokenStatus(two, credentials);
        check(
                deactivated.statusCode() == 200 && after != 200,
                "deactivated on instance 1, refused by instance 2 at once (token request " + after + ")");
        // The marketer's token from instance 2 stops working there too: instance 2 reads the revocation within seconds.
        double seconds = secondsUntilRefused(two, agentToken, System.nanoTime());
        check(
                seconds <= 5,
                String.format("its token, revoked on instance 1, refused by instance 2 after %.2f s", seconds));
        lateCommitRevocation(one, two, company, slug, jdbc, run);
        // The audit timer fires every 20 s on both instances in the drill (ESTATEDESK_AUDIT_SCHEDULE).
        pause(22);
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "");
                PreparedStatement runs = db.prepareStatement(
                        "select count(*), min(claimed_by) from scheduled_run where job = 'daily-audit' and run_on = ?")) {
            runs.setObject(1, LocalDate.now(ZoneOffset.UTC));
            try (ResultSet row = runs.executeQuery()) {
                row.next();
                long ran = 0;
                long skipped = 0;
                for (Path log : List.of(
                        Path.of("target/cluster/instance-8081.log"), Path.of("target/cluster/instance-8082.log"))) {
                    String text = Files.exists(log) ? Files.readString(log) : "";
                    ran += count(text, "Daily audit of [0-9-]+: ");
                    skipped += count(text, "already claimed by another instance");
                }
                check(
                        row.getLong(1) == 1 && ran == 1 && skipped >= 1,
                        "daily audit: " + row.getLong(1) + " claim for today (by " + row.getString(2) + "), run " + ran
                                + " time(s) in both logs, " + skipped + " firing(s) found it already claimed");
            }
        }
    }

    /**
     * A revocation whose transaction commits late: the marketer's row is held locked from psql's side for
     * 12 s while instance 1 deactivates it, so the revoking transaction commits 12 s after it began. Instance
     * 2 must refuse the marketer's token within 5 s of that commit (it used to never see it: issue 25).
     */
    static void lateCommitRevocation(String one, String two, NewCompany company, String slug, String jdbc, String run)
            throws Exception {
        String email = "late-" + run.toLowerCase() + "@cluster.test";
        String id = field(
                registerMarketer(one, company.adminToken(), "Late", email, "late-password")
                        .body(),
                "id");
        String token =
                token(two, "{\"email\":\"" + email + "\",\"password\":\"late-password\",\"company\":\"" + slug + "\"}");
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
                db.setAutoCommit(false);
                try (PreparedStatement lock = db.prepareStatement("select 1 from marketer where id = ? for update")) {
                    lock.setLong(1, Long.parseLong(id));
                    lock.executeQuery().close();
                }
                locked.countDown();
                pause(12);
                db.commit();
            } catch (Exception e) {
                locked.countDown();
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        locked.await();
        long patchStarted = System.nanoTime();
        HttpResponse<String> deactivated = HTTP.send(
                HttpRequest.newBuilder(URI.create(one + "/marketers/" + id))
                        .header("Authorization", "Bearer " + company.adminToken())
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"DEACTIVATED\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long committed = System.nanoTime();
        holder.join();
        double seconds = secondsUntilRefused(two, token, committed);
        check(
                deactivated.statusCode() == 200 && seconds <= 5,
                String.format(
                        "a deactivation that waited %.1f s on a locked row (PATCH %d on instance 1): its token refused"
                                + " by instance 2 %.2f s after the commit",
                        (committed - patchStarted) / 1e9, deactivated.statusCode(), seconds));
    }

    /** Seconds from {@code fromNanos} until {@code api} refuses {@code token} (GET /me 401); infinity after 10 s. */
    static double secondsUntilRefused(String api, String token, long fromNanos) throws Exception {
        while (System.nanoTime() - fromNanos < 10_000_000_000L) {
            int status = HTTP.send(
                            HttpRequest.newBuilder(URI.create(api + "/me"))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            if (status == 401) {
                return (System.nanoTime() - fromNanos) / 1e9;
            }
            pause(0.1);
        }
        return Double.POSITIVE_INFINITY;
    }

    static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }

    static void check(boolean ok, String what) {
        System.out.println((ok ? "ok   " : "FAIL ") + what);
        if (!ok) {
            System.exit(1);
        }
    }

    static String get(String url, String token) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static int tokenStatus(String api, String credentials) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(api + "/auth/token"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(credentials))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** A marketer who can log in, registered by a company admin on {@code api}. */
    static HttpResponse<String> registerMarketer(
            String api, String adminToken, String name, String email, String password) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(api + "/marketers"))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"email\":\"" + email
                                + "\",\"password\":\"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String database(String jdbc) {
        return jdbc.substring(jdbc.lastIndexOf('/') + 1);
    }

    /** Runs a shell command (its errors shown as they come) and returns, and shows, what it printed. */
    static String sh(String command) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("failed: " + command);
        }
        System.out.print(output.lines().map(line -> "   " + line + "\n").reduce("", String::concat));
        return output;
    }

    static void pause(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
