import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Breaks an async-profiler collapsed-stack file down by layer: each sample goes to the layer of the
 * frame nearest its leaf that belongs to a known layer (JDK frames count for the layer that called
 * them, so socket writes count for the HTTP server or the JDBC driver that made them).
 *
 * java bench/ProfileLayers.java <file.collapsed>
 */
public class ProfileLayers {

    /** Layer name, then the package prefixes that belong to it; the first layer that matches wins. */
    static final List<List<String>> LAYERS = List.of(
            List.of(
                    "Logging (JUL, Payara's handlers)",
                    "java.util.logging.",
                    "com.sun.enterprise.server.logging.",
                    "fish.payara.logging.",
                    "fish.payara.enterprise.server.logging.",
                    "org.glassfish.main.jul."),
            List.of(
                    "JSON (Yasson, Parsson)",
                    "org.eclipse.yasson.",
                    "org.eclipse.parsson.",
                    "org.glassfish.json.",
                    "jakarta.json."),
            List.of(
                    "Tokens (JWT, RSA)",
                    "com.nimbusds.",
                    "io.jsonwebtoken.",
                    "org.jose4j.",
                    "sun.security.rsa.",
                    "sun.security.util.",
                    "java.security.",
                    "sun.security.provider.",
                    "java.math.BigInteger"),
            List.of("Bean Validation", "org.hibernate.validator.", "jakarta.validation."),
            List.of("JDBC driver (PgJDBC)", "org.postgresql."),
            List.of("EclipseLink", "org.eclipse.persistence."),
            List.of(
                    "Connection pool",
                    "com.sun.enterprise.resource.",
                    "com.sun.gjc.",
                    "org.glassfish.resourcebase.",
                    "com.sun.appserv.connectors.",
                    "com.sun.enterprise.connectors."),
            List.of(
                    "Transactions, EJB container",
                    "com.sun.ejb.",
                    "com.sun.enterprise.transaction.",
                    "com.sun.jts.",
                    "org.glassfish.ejb.",
                    "com.sun.enterprise.container.",
                    "org.glassfish.persistence."),
            List.of("CDI (Weld), interceptors", "org.jboss.weld.", "org.glassfish.weld."),
            List.of("Metrics (Micrometer)", "io.micrometer."),
            List.of(
                    "Security (Payara, Soteria, JACC)",
                    "com.sun.enterprise.security.",
                    "org.glassfish.soteria.",
                    "fish.payara.security.",
                    "org.glassfish.exousia.",
                    "org.glassfish.security."),
            List.of("EstateDesk code", "com.estatedesk."),
            List.of("Jersey (JAX-RS)", "org.glassfish.jersey."),
            List.of(
                    "Servlet container",
                    "org.apache.catalina.",
                    "org.apache.coyote.",
                    "com.sun.enterprise.web.",
                    "org.glassfish.web.",
                    "org.glassfish.wasp.",
                    "com.sun.web."),
            List.of("HTTP server (Grizzly)", "org.glassfish.grizzly."),
            List.of(
                    "HK2, OSGi, other Payara",
                    "org.glassfish.",
                    "com.sun.enterprise.",
                    "fish.payara.",
                    "org.jvnet.",
                    "org.apache.felix."));

    public static void main(String[] args) throws Exception {
        Map<String, Long> samples = new LinkedHashMap<>();
        LAYERS.forEach(layer -> samples.put(layer.get(0), 0L));
        long total = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long count = Long.parseLong(line.substring(space + 1).trim());
            String[] frames = line.substring(0, space).replace('/', '.').split(";");
            samples.merge(layerOf(frames), count, Long::sum);
            total += count;
        }
        System.out.printf("%-36s %8s %7s%n", "layer", "samples", "share");
        for (var entry : samples.entrySet()) {
            if (entry.getValue() > 0) {
                System.out.printf(
                        "%-36s %8d %6.1f%%%n", entry.getKey(), entry.getValue(), 100.0 * entry.getValue() / total);
            }
        }
        System.out.printf("%-36s %8d%n", "total", total);
    }

    static String layerOf(String[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            for (List<String> layer : LAYERS) {
                for (int p = 1; p < layer.size(); p++) {
                    if (frames[i].startsWith(layer.get(p))) {
                        return layer.get(0);
                    }
                }
            }
        }
        boolean java = false;
        for (String frame : frames) {
            java |= frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.");
        }
        if (java) {
            return "JDK (other)";
        }
        String all = String.join(";", frames);
        if (all.contains("Compile")) {
            return "JIT compilers";
        }
        if (all.contains("GC") || all.contains("G1") || all.contains("Parallel") || all.contains("Serial")) {
            return "Garbage collector";
        }
        return "JVM (other native)";
    }
}
