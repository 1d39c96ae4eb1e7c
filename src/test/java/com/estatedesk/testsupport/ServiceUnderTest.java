package com.estatedesk.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged WAR, running once for the whole integration-test run on the server that the build
 * chose ({@code estatedesk.server}: {@code payara} or {@code wildfly}), started the way an operator
 * starts it and stopped, by its own process, when the run ends. The black-box tests share it: each
 * builds its own company, and the few that change shared state (roles, constraints) put it back.
 * Starting one server per test class used to cost eleven starts (~16 s each) per run.
 * <p>
 * Its output goes to {@link #log()}, so a test can see what a request made the service write.
 */
public final class ServiceUnderTest implements BeforeAllCallback {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);

    @Override
    public void beforeAll(ExtensionContext context) {
        // In-container tests run their JUnit callbacks a second time inside the server: nothing to start there.
        if (System.getProperty(SERVER) != null) {
            running(context);
        }
    }

    /** Set by the build (pom.xml) for the test JVM only; a server never has it. */
    private static final String SERVER = "estatedesk.server";

    /** The running service, started by the first test class that asks for it. */
    public static Running running(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(ServiceUnderTest.class, key -> start(), Running.class);
    }

    private static Running current;

    /** The service's root URL, for tests that are already running (a class with this extension started it). */
    public static URL url() {
        return require().url();
    }

    /** Everything the server has written to its standard output and error. */
    public static Path log() {
        return require().log();
    }

    private static Running require() {
        if (current == null) {
            throw new IllegalStateException("the service is not started: extend HttpApiTest");
        }
        return current;
    }

    /** A started server process; closed by JUnit when the whole run is over. */
    public record Running(Process process, URL url, Path log) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stop(process);
        }
    }

    private static Running start() {
        String server = System.getProperty(SERVER);
        Path target = Path.of(System.getProperty("estatedesk.target", "target")).toAbsolutePath();
        Path log = target.resolve("it-" + server + ".log");
        Path war = Path.of(System.getProperty("estatedesk.war", "target/estatedesk.war"));
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(war + " is missing: run the tests with 'mvn verify'");
        }
        int port = freePort();
        ProcessBuilder command;
        URI ready;
        try {
            if (server.equals("wildfly")) {
                Path home = Path.of(System.getProperty("wildfly.home"));
                Path deployments = home.resolve("standalone/deployments");
                try (var old = Files.list(deployments)) {
                    for (Path file : old.filter(f -> f.getFileName().toString().startsWith("estatedesk.war"))
                            .toList()) {
                        Files.delete(file);
                    }
                }
                Files.copy(war, deployments.resolve("estatedesk.war"), StandardCopyOption.REPLACE_EXISTING);
                command = new ProcessBuilder(
                        home.resolve("bin/standalone.sh").toString(),
                        "-c",
                        "standalone.xml",
                        "-Djboss.http.port=" + port);
                command.environment().put("JAVA_OPTS", System.getProperty("estatedesk.server.jvm", "-Xmx768m"));
                // WildFly serves MicroProfile Health on its management interface.
                ready = URI.create(
                        System.getProperty("estatedesk.health.url", "http://127.0.0.1:9990") + "/health/ready");
            } else {
                Path root = target.resolve("it-payara-root");
                deleteTree(root);
                List<String> words = new ArrayList<>();
                words.add(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
                words.addAll(split(System.getProperty("estatedesk.server.jvm", "-Xmx768m")));
                words.addAll(List.of(
                        "-jar",
                        System.getProperty("payara.microJar"),
                        "--deploy",
                        war.toString(),
                        "--contextroot",
                        "/",
                        "--port",
                        Integer.toString(port),
                        "--rootdir",
                        root.toString()));
                words.addAll(split(System.getProperty("payara.extraMicroOptions", "")));
                command = new ProcessBuilder(words);
                ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Links (emails, Location) are built from the public URL; email goes to the tests' own SMTP server.
        command.environment().put("ESTATEDESK_PUBLIC_URL", "http://127.0.0.1:" + port);
        command.environment().put("ESTATEDESK_SMTP_HOST", "127.0.0.1");
        command.environment().put("ESTATEDESK_SMTP_PORT", Integer.toString(Mailbox.PORT));
        command.environment().put("ESTATEDESK_SMTP_FROM", "EstateDesk <no-reply@estatedesk.test>");
        Mailbox.start();
        command.redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process process;
        try {
            process = command.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
        awaitReady(process, ready, log);
        System.out.printf(
                "ServiceUnderTest: %s with the WAR at http://127.0.0.1:%d/ ready in %.1f s (pid %d, log %s)%n",
                server, port, (System.nanoTime() - started) / 1e9, process.pid(), log);
        try {
            current = new Running(
                    process, URI.create("http://127.0.0.1:" + port + "/").toURL(), log);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return current;
    }

    /** Ready means the application's own readiness check says UP: a server's "started" says nothing of the WAR. */
    private static void awaitReady(Process process, URI ready, Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the server stopped while starting (exit " + process.exitValue() + "):\n" + tail(log));
            }
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        stop(process);
        throw new IllegalStateException("not ready in " + STARTUP_TIMEOUT + " (" + last + "):\n" + tail(log));
    }

    /** Stops the process this class started, and what it started (WildFly's script starts a JVM). */
    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String words) {
        return Arrays.stream(words.trim().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (File file : paths.sorted(java.util.Comparator.reverseOrder())
                    .map(Path::toFile)
                    .toList()) {
                file.delete();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
