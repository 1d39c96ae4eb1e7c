import static com.estatedesk.testsupport.ServiceAccounts.createCompany;
import static com.estatedesk.testsupport.ServiceAccounts.token;

import com.estatedesk.testsupport.ServiceAccounts.NewCompany;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registration throughput: the database's own limit (plain JDBC: SELECT … FOR UPDATE on the sequence
 * row, UPDATE, INSERT, COMMIT) against the running service's POST /api/v1/clients over real HTTP with
 * real tokens, at the same concurrency and company mix, in one run on one machine. Prints a table with
 * the service/raw ratio per cell and checks afterwards that every company's numbers are exactly 1..n.
 *
 * Then, lists at scale: 1 000 companies × 1 000 clients are loaded by SQL, and the p50/p95 of a first
 * page, a page deep in the list and a ?q= uid-prefix search of one company are measured over HTTP.
 *
 * java -cp postgresql.jar bench/Bench.java <service base url> <jdbc url> <db user> <platform email> <platform password> [seconds per cell] [warm-up seconds] [--lists] [--service-pid=N]
 *     [--cells=spread:8,hot:1] [--app-user=U --app-password=P (the raw import row)]
 *
 * With --service-pid, each service cell also reports the CPU the service process spent per registration
 * (from /proc), which tells whether the service or the lock is the limit.
 */
public class Bench {

    record Cell(String mix, int clients) {}

    record Result(int done, int errors, double seconds, List<Long> latenciesMicros) {
        double throughput() {
            return done / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesMicros.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1000.0;
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    static final AtomicInteger SERIAL = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        String api = args[0].replaceAll("/$", "") + "/api/v1";
        String jdbc = args[1];
        String dbUser = args[2];
        double seconds = args.length > 5 ? Double.parseDouble(args[5]) : 5;
        String platform = token(api, "{\"email\":\"" + args[3] + "\",\"password\":\"" + args[4] + "\"}");
        String run = Long.toString(System.currentTimeMillis() % 100000, 36).toUpperCase(Locale.ROOT);

        List<NewCompany> companies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            companies.add(createCompany(
                    api, platform, "Bench " + run + " " + i, "B" + letters(i) + run.replaceAll("[0-9]", "")));
        }
        String pidOption = option(args, "--service-pid");
        long servicePid = pidOption == null ? -1 : Long.parseLong(pidOption);
        double maxWarmup = args.length > 6 && args[6].matches("\\d+") ? Double.parseDouble(args[6]) : 600;
        warmUp(api, jdbc, dbUser, companies, servicePid, maxWarmup);
        analyzeAsAutovacuumWould(jdbc, dbUser);
        System.out.printf(
                "%-8s %7s | %10s %8s %8s %6s | %10s %8s %8s %6s %8s %6s %6s | %6s%n",
                "mix",
                "clients",
                "raw tx/s",
                "p50 ms",
                "p99 ms",
                "errors",
                "svc req/s",
                "p50 ms",
                "p99 ms",
                "errors",
                "cpu ms",
                "no JIT",
                "per tx",
                "ratio");
        // --cells=spread:8,hot:1 measures only those cells (bench/profile.sh); all six by default.
        String cellsOption = option(args, "--cells");
        List<String> only = cellsOption == null ? List.of() : List.of(cellsOption.split(","));
        for (Cell cell : List.of(
                        new Cell("hot", 1),
                        new Cell("hot", 8),
                        new Cell("hot", 32),
                        new Cell("spread", 1),
                        new Cell("spread", 8),
                        new Cell("spread", 32))
                .stream()
                .filter(c -> only.isEmpty() || only.contains(c.mix() + ":" + c.clients()))
                .toList()) {
            List<NewCompany> targets = cell.mix().equals("hot") ? companies.subList(0, 1) : companies;
            Result raw =
                    run(cell.clients(), seconds, i -> rawRegistration(jdbc, dbUser, targets.get(i % targets.size())));
            double cpuBefore = cpuSeconds(servicePid);
            double jitBefore = jitCpuSeconds(servicePid);
            double[] batchesBefore = batches(api);
            hook("start", cell);
            Result service =
                    run(cell.clients(), seconds, i -> serviceRegistration(api, targets.get(i % targets.size())));
            hook("stop", cell);
            double cpuPerRequest = 1000 * (cpuSeconds(servicePid) - cpuBefore) / Math.max(1, service.done());
            // The same without the JIT compilers' threads: what the requests cost once compiled, which a
            // compiler still at work after the warm-up (a sixth of a hot cell's CPU, by profile) blurs.
            double jitPerRequest = 1000 * (jitCpuSeconds(servicePid) - jitBefore) / Math.max(1, service.done());
            double[] batchesAfter = batches(api);
            double perTransaction =
                    (batchesAfter[0] - batchesBefore[0]) / Math.max(1, batchesAfter[1] - batchesBefore[1]);
            System.out.printf(
                    "%-8s %7d | %10.0f %8.1f %8.1f %6d | %10.0f %8.1f %8.1f %6d %8.2f %6.2f %6.1f | %5.0f%%%n",
                    cell.mix(),
                    cell.clients(),
                    raw.throughput(),
                    raw.percentileMillis(0.5),
                    raw.percentileMillis(0.99),
                    raw.errors(),
                    service.throughput(),
                    service.percentileMillis(0.5),
                    service.percentileMillis(0.99),
                    service.errors(),
                    cpuPerRequest,
                    cpuPerRequest - jitPerRequest,
                    perTransaction,
                    100 * service.throughput() / raw.throughput());
        }
        verifyGapless(jdbc, dbUser, companies);
        if (!only.isEmpty()) {
            return;
        }
        importAndExport(api, platform, run, jdbc, option(args, "--app-user"), option(args, "--app-password"));
        if (List.of(args).contains("--lists")) {
            lists(api, jdbc, dbUser, platform, run);
        }
    }

    /** The value of a --name=value argument, or null. */
    static String option(String[] args, String name) {
        return List.of(args).stream()
                .filter(a -> a.startsWith(name + "="))
                .map(a -> a.substring(name.length() + 1))
                .findFirst()
                .orElse(null);
    }

    /**
     * $BENCH_PROFILE_HOOK, when set, runs with "start"/"stop" and the cell's name around each service
     * cell (bench/profile.sh attaches a profiler with it), so that a profile holds that cell's requests only.
     */
    static void hook(String phase, Cell cell) throws Exception {
        String command = System.getenv("BENCH_PROFILE_HOOK");
        if (command != null && !command.isBlank()) {
            new ProcessBuilder(command, phase, cell.mix() + "-" + cell.clients())
                    .inheritIO()
                    .start()
                    .waitFor();
        }
    }

    /**
     * Bulk import of 10 000 rows (five rounds, new emails each time; the median is the figure, a round
     * that meets a checkpoint of the database can be several times slower), timed over HTTP, and the raw
     * limit for the same rows in the same round: plain JDBC as the application role, under row-level
     * security, all or nothing — the emails checked first, one lock and one block of numbers, multi-row
     * INSERTs (COPY FROM is refused on tables with row-level security). Then the CSV export of the
     * 50 000 clients the service imported.
     */
    static void importAndExport(
            String api, String platform, String run, String jdbc, String appUser, String appPassword) throws Exception {
        NewCompany company = createCompany(api, platform, "Import " + run, "I" + run.replaceAll("[0-9]", "") + "Q");
        NewCompany rawCompany =
                createCompany(api, platform, "Raw import " + run, "R" + run.replaceAll("[0-9]", "") + "Q");
        System.out.printf("%nimport of 10 000 rows          raw (JDBC)          service (CSV over HTTP)   ratio%n");
        List<Double> rawRates = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= 5; round++) {
            List<String[]> rows = new ArrayList<>();
            StringBuilder csv = new StringBuilder("name,email,phone\n");
            for (int row = 1; row <= 10_000; row++) {
                String[] fields = {
                    "Imported " + round + "-" + row,
                    "import" + round + "-" + row + "@bench.test",
                    "+234 800 555 " + (1000 + row % 9000)
                };
                rows.add(fields);
                csv.append(String.join(",", fields)).append('\n');
            }
            double rawElapsed = appUser == null ? Double.NaN : rawImport(jdbc, appUser, appPassword, rawCompany, rows);
            long t0 = System.nanoTime();
            HttpResponse<String> imported = HTTP.send(
                    HttpRequest.newBuilder(URI.create(api + "/clients/import"))
                            .header("Authorization", "Bearer " + company.adminToken())
                            .header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (imported.statusCode() != 201) {
                throw new IllegalStateException("import: " + imported.statusCode() + " " + imported.body());
            }
            System.out.printf(
                    "  round %d (%d KiB)     %5.2f s %7.0f rows/s   %5.2f s %7.0f rows/s   %4.0f%%%n",
                    round,
                    csv.length() / 1024,
                    rawElapsed,
                    10_000 / rawElapsed,
                    elapsed,
                    10_000 / elapsed,
                    100 * rawElapsed / elapsed);
            rawRates.add(10_000 / rawElapsed);
            rates.add(10_000 / elapsed);
        }
        Collections.sort(rawRates);
        Collections.sort(rates);
        System.out.printf(
                "  median                     %7.0f rows/s           %7.0f rows/s   %4.0f%%  (slowest service round %.0f rows/s)%n",
                rawRates.get(2), rates.get(2), 100 * rates.get(2) / rawRates.get(2), rates.get(0));
        long t0 = System.nanoTime();
        HttpResponse<String> exported = HTTP.send(
                HttpRequest.newBuilder(URI.create(api + "/clients"))
                        .header("Authorization", "Bearer " + company.adminToken())
                        .header("Accept", "text/csv")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long lines = exported.body().lines().count() - 1;
        if (exported.statusCode() != 200 || lines != 50_000) {
            throw new IllegalStateException("export: " + exported.statusCode() + ", " + lines + " rows");
        }
        System.out.printf(
                "export of %d clients (Accept: text/csv): %.2f s, %.0f rows/s%n", lines, elapsed, lines / elapsed);
    }

    /** Loads 999 more companies of 1 000 clients by SQL around one measured company of 1 000, then times its lists. */
    static void lists(String api, String jdbc, String user, String platform, String run) throws Exception {
        NewCompany measured = createCompany(api, platform, "Lists " + run, "L" + run.replaceAll("[0-9]", "") + "Q");
        long loadStarted = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(jdbc, user, "");
                Statement sql = connection.createStatement()) {
            sql.execute("create temporary table bench_company as select nextval('company_id_seq') as id"
                    + " from generate_series(1, 999)");
            sql.execute("insert into company (id, name, name_key, slug, prefix, created_at) select id, 'Loaded ' || id,"
                    + " 'loaded " + run.toLowerCase(Locale.ROOT) + " ' || id, 'loaded-" + run.toLowerCase(Locale.ROOT)
                    + "-' || id, 'LD' || id, now() from bench_company");
            sql.execute("insert into company_sequence (id, company_id, seq_key, last_value)"
                    + " select nextval('company_sequence_id_seq'), id, 'CLT', 1000 from bench_company");
            sql.execute("insert into client (id, company_id, uid, uid_number, name, email, status, created_at)"
                    + " select nextval('person_id_seq'), c.id, 'LD' || c.id || '-CLT' || case when n < 1000 then lpad(n::text, 3, '0') else n::text end,"
                    + " n, 'Loaded client ' || n, 'c' || n || '-' || c.id || '@loaded.test', 'ACTIVE', now()"
                    + " from bench_company c, generate_series(1, 1000) n");
            sql.execute("insert into client (id, company_id, uid, uid_number, name, email, status, created_at)"
                    + " select nextval('person_id_seq'), " + measured.id() + ", '" + measured.prefix() + "-CLT'"
                    + " || case when n < 1000 then lpad(n::text, 3, '0') else n::text end, n, 'Measured client ' || n,"
                    + " 'm' || n || '@measured.test', 'ACTIVE', now() from generate_series(1, 1000) n");
            sql.execute("update company_sequence set last_value = 1000 where company_id = " + measured.id()
                    + " and seq_key = 'CLT'");
            sql.execute("analyze client");
            try (ResultSet count = sql.executeQuery("select count(*) from client")) {
                count.next();
                System.out.printf(
                        "%nLoaded 1000 companies x 1000 clients in %.0f s (client table: %d rows)%n",
                        (System.nanoTime() - loadStarted) / 1e9, count.getLong(1));
            }
        }
        String deepCursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("v1:900".getBytes());
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        queries.put("first page (50)", "/clients");
        queries.put("deep page (after 900)", "/clients?cursor=" + deepCursor);
        queries.put("?q= uid prefix", "/clients?q=" + measured.prefix() + "-CLT09");
        System.out.printf("%-24s %8s %8s%n", "list", "p50 ms", "p95 ms");
        for (var query : queries.entrySet()) {
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(api + query.getValue()))
                                .header("Authorization", "Bearer " + measured.adminToken())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(query.getKey() + ": " + response.statusCode());
                }
                if (i >= 50) {
                    latencies.add((System.nanoTime() - t0) / 1000);
                }
            }
            Result timing = new Result(latencies.size(), 0, 1, latencies);
            System.out.printf(
                    "%-24s %8.1f %8.1f%n", query.getKey(), timing.percentileMillis(0.5), timing.percentileMillis(0.95));
        }
        try (Connection connection = DriverManager.getConnection(jdbc, user, "");
                Statement sql = connection.createStatement();
                ResultSet plan = sql.executeQuery("explain select * from client where company_id = " + measured.id()
                        + " and uid_number > 900 order by uid_number limit 51")) {
            System.out.println("Plan of a deep page:");
            while (plan.next()) {
                System.out.println("  " + plan.getString(1));
            }
        }
    }

    /** The uid the service would give: the raw rows must look like the service's (bench/ has no access to sequence.Uids). */
    static String clientUid(NewCompany company, long number) {
        return String.format("%s-CLT%03d", company.prefix(), number);
    }

    /** The raw limit of one import: seconds from the first statement to the commit. */
    static double rawImport(String jdbc, String user, String password, NewCompany company, List<String[]> rows)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc, user, password)) {
            connection.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement bind = connection.prepareStatement("select set_config('app.company_id', ?, true)")) {
                bind.setString(1, Long.toString(company.id()));
                bind.executeQuery().close();
            }
            try (PreparedStatement taken = connection.prepareStatement(
                    "select count(*) from client where company_id = ? and email = any(?)")) {
                taken.setLong(1, company.id());
                taken.setArray(
                        2,
                        connection.createArrayOf(
                                "varchar", rows.stream().map(r -> r[1]).toArray()));
                try (ResultSet count = taken.executeQuery()) {
                    count.next();
                    if (count.getLong(1) != 0) {
                        throw new IllegalStateException("raw import: emails already taken");
                    }
                }
            }
            long first;
            try (PreparedStatement lock = connection.prepareStatement("update company_sequence set last_value ="
                    + " last_value + ? where company_id = ? and seq_key = 'CLT' returning last_value")) {
                lock.setLong(1, rows.size());
                lock.setLong(2, company.id());
                try (ResultSet last = lock.executeQuery()) {
                    last.next();
                    first = last.getLong(1) - rows.size() + 1;
                }
            }
            int chunk = 1000;
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < chunk; i++) {
                values.append(i == 0 ? "" : ",")
                        .append("(nextval('person_id_seq'), ?, ?, ?, ?, ?, ?, 'ACTIVE', now())");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into client (id, company_id, uid, uid_number, name, email, phone, status, created_at)"
                            + " values " + values)) {
                for (int from = 0; from < rows.size(); from += chunk) {
                    int p = 1;
                    for (int i = from; i < from + chunk; i++) {
                        String[] row = rows.get(i);
                        insert.setLong(p++, company.id());
                        insert.setString(p++, clientUid(company, first + i));
                        insert.setLong(p++, first + i);
                        insert.setString(p++, row[0]);
                        insert.setString(p++, row[1]);
                        insert.setString(p++, row[2]);
                    }
                    insert.executeUpdate();
                }
            }
            connection.commit();
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    interface Registration {
        boolean register(int worker) throws Exception;
    }

    static Result run(int clients, double seconds, Registration registration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Future<Result>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < clients; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                int done = 0;
                int errors = 0;
                List<Long> latencies = new ArrayList<>();
                int i = worker;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = registration.register(i);
                    } catch (Exception e) {
                        ok = false;
                    }
                    latencies.add((System.nanoTime() - t0) / 1000);
                    if (ok) {
                        done++;
                    } else {
                        errors++;
                    }
                    i += clients;
                }
                return new Result(done, errors, 0, latencies);
            }));
        }
        int done = 0;
        int errors = 0;
        List<Long> latencies = new ArrayList<>();
        for (Future<Result> worker : workers) {
            Result r = worker.get();
            done += r.done();
            errors += r.errors();
            latencies.addAll(r.latenciesMicros());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Result(done, errors, elapsed, latencies);
    }

    /**
     * Warm-up, untimed: rounds of every cell's shape (1, 8 and 32 clients, hot and spread) against the
     * service until its JIT compilers go quiet — under 5 % of one core over a round — or maxSeconds
     * pass. Before that, a cell measures the compiler as much as the service: on two cores Payara's
     * C2 stays busy for minutes, and each new concurrency level wakes it again.
     */
    static void warmUp(
            String api, String jdbc, String dbUser, List<NewCompany> companies, long servicePid, double maxSeconds)
            throws Exception {
        long started = System.nanoTime();
        double elapsed = 0;
        double jitShare = Double.NaN;
        while (elapsed < maxSeconds) {
            double jitBefore = jitCpuSeconds(servicePid);
            long roundStarted = System.nanoTime();
            for (int clients : new int[] {32, 8, 1}) {
                for (List<NewCompany> targets : List.of(companies.subList(0, 1), companies)) {
                    run(clients, 3, i -> serviceRegistration(api, targets.get(i % targets.size())));
                }
            }
            jitShare = (jitCpuSeconds(servicePid) - jitBefore) / ((System.nanoTime() - roundStarted) / 1e9);
            elapsed = (System.nanoTime() - started) / 1e9;
            if (servicePid < 0 ? elapsed >= 60 : jitShare < 0.05) {
                break;
            }
        }
        run(8, 5, i -> rawRegistration(jdbc, dbUser, companies.get(i % companies.size())));
        System.out.printf(
                "(after %.0f s of warm-up; the service's JIT compilers used %.0f %% of a core in the last round)%n",
                elapsed, 100 * jitShare);
    }

    /**
     * ANALYZE after the warm-up, which has added tens of thousands of rows to tables that were empty: what
     * autovacuum does in any deployment. This machine's PostgreSQL runs with autovacuum off; without it the
     * plans cached on the service's pooled connections while the tables were empty stayed in use, and the
     * batched registrations' email check scanned the whole hot company (hot 8 at 22 % instead of ~100 %).
     */
    static void analyzeAsAutovacuumWould(String jdbc, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc, user, "");
                Statement sql = connection.createStatement()) {
            String autovacuum;
            try (ResultSet setting = sql.executeQuery("select current_setting('autovacuum')")) {
                setting.next();
                autovacuum = setting.getString(1);
            }
            sql.execute("analyze");
            System.out.println("(autovacuum is " + autovacuum + " on this server; tables analyzed after the warm-up)");
        }
    }

    /** CPU seconds of the JIT compiler threads of a process (Linux /proc); NaN without a pid. */
    static double jitCpuSeconds(long pid) {
        if (pid < 0) {
            return Double.NaN;
        }
        double total = 0;
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/" + pid + "/task"))) {
            for (java.nio.file.Path task : tasks.toList()) {
                try {
                    String name = java.nio.file.Files.readString(task.resolve("comm"));
                    if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler")) {
                        total += ticks(java.nio.file.Files.readString(task.resolve("stat")));
                    }
                } catch (java.io.IOException gone) {
                    // a thread that ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
        return total;
    }

    /** utime + stime of a /proc stat line, in seconds (clock ticks of 1/100 s). */
    static double ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** User + system CPU seconds of a process so far (Linux /proc; clock ticks of 1/100 s); NaN without a pid. */
    static double cpuSeconds(long pid) {
        if (pid < 0) {
            return Double.NaN;
        }
        try {
            return ticks(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat")));
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
    }

    /**
     * Registrations written so far and the transactions that wrote them (the service's
     * estatedesk_registration_batch_size sum and count): their ratio is how many one transaction carried.
     */
    static double[] batches(String api) throws Exception {
        String scrape = HTTP.send(
                        HttpRequest.newBuilder(URI.create(api.replace("/api/v1", "/metrics")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        double[] sumAndCount = new double[2];
        for (String line : scrape.split("\n")) {
            if (line.startsWith("estatedesk_registration_batch_size_sum ")) {
                sumAndCount[0] =
                        Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
            } else if (line.startsWith("estatedesk_registration_batch_size_count ")) {
                sumAndCount[1] =
                        Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        return sumAndCount;
    }

    static final ThreadLocal<Connection> CONNECTION = new ThreadLocal<>();

    /** What one registration costs the database, nothing else: lock, update, insert, commit. */
    static boolean rawRegistration(String jdbc, String user, NewCompany company) throws SQLException {
        Connection connection = CONNECTION.get();
        if (connection == null) {
            connection = DriverManager.getConnection(jdbc, user, "");
            connection.setAutoCommit(false);
            CONNECTION.set(connection);
        }
        try (PreparedStatement lock = connection.prepareStatement(
                        "select last_value from company_sequence where company_id = ? and seq_key = 'CLT' for update");
                PreparedStatement update = connection.prepareStatement(
                        "update company_sequence set last_value = ? where company_id = ? and seq_key = 'CLT'");
                PreparedStatement insert = connection.prepareStatement(
                        "insert into client (id, company_id, uid, uid_number,"
                                + " name, email, status, created_at) values (nextval('person_id_seq'), ?, ?, ?, ?, ?, 'ACTIVE', now())")) {
            lock.setLong(1, company.id());
            long next;
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                next = row.getLong(1) + 1;
            }
            update.setLong(1, next);
            update.setLong(2, company.id());
            update.executeUpdate();
            insert.setLong(1, company.id());
            insert.setString(2, clientUid(company, next));
            insert.setLong(3, next);
            insert.setString(4, "Raw " + next);
            insert.setString(5, "raw" + SERIAL.incrementAndGet() + "@bench.test");
            insert.executeUpdate();
            connection.commit();
            return true;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    static boolean serviceRegistration(String api, NewCompany company) throws Exception {
        int n = SERIAL.incrementAndGet();
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(api + "/clients"))
                        .header("Authorization", "Bearer " + company.adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"Service " + n + "\",\"email\":\"svc" + n + "@bench.test\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 201;
    }

    static void verifyGapless(String jdbc, String user, List<NewCompany> companies) throws SQLException {
        int bad = 0;
        long total = 0;
        try (Connection connection = DriverManager.getConnection(jdbc, user, "");
                Statement sql = connection.createStatement()) {
            for (NewCompany company : companies) {
                try (ResultSet row =
                        sql.executeQuery("select count(*), count(distinct uid_number), coalesce(max(uid_number), 0)"
                                + " from client where company_id = " + company.id())) {
                    row.next();
                    total += row.getLong(1);
                    if (row.getLong(1) != row.getLong(2) || row.getLong(2) != row.getLong(3)) {
                        bad++;
                        System.out.println("NOT GAPLESS: company " + company.id() + " count/distinct/max = "
                                + row.getLong(1) + "/" + row.getLong(2) + "/" + row.getLong(3));
                    }
                }
            }
        }
        System.out.println("Numbering check: " + total + " registrations in " + companies.size() + " companies, "
                + (bad == 0 ? "every company exactly 1..n" : bad + " companies with gaps or duplicates"));
        if (bad > 0) {
            System.exit(1);
        }
    }

    static String letters(int n) {
        return "" + (char) ('A' + n / 26 % 26) + (char) ('A' + n % 26);
    }
}
