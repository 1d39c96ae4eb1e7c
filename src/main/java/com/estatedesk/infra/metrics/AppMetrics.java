package com.estatedesk.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The service's own metrics, in one place: what an alert on the guarantees needs. Prometheus text at
 * /metrics (MetricsServlet). Micrometer rather than MicroProfile Metrics, which WildFly lacks.
 */
@ApplicationScoped
public class AppMetrics {

    private PrometheusMeterRegistry registry;
    private Timer lockWait;
    private Counter lockTimeouts;
    private DistributionSummary registrationBatches;
    private final Map<String, AtomicLong> auditDefects = new ConcurrentHashMap<>();

    /** For code that is not a CDI bean (the failure classifier). */
    public static AppMetrics current() {
        return CDI.current().select(AppMetrics.class).get();
    }

    @PostConstruct
    void create() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        lockWait = Timer.builder("estatedesk.sequence.lock.wait")
                .description("Time a registration waited for its company's sequence row lock")
                .publishPercentileHistogram()
                .register(registry);
        lockTimeouts = Counter.builder("estatedesk.sequence.lock.timeouts")
                .description("Requests refused with 503 because a lock was not obtained in time")
                .register(registry);
        registrationBatches = DistributionSummary.builder("estatedesk.registration.batch.size")
                .description(
                        "Registrations per transaction that writes them (1 = alone); a batch that failed and was written again one by one counts both ways")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32)
                .register(registry);
    }

    public String scrape() {
        return registry.scrape();
    }

    /** Counted when the transaction that took the number commits. */
    public void uidAllocated(String roleCode, int count) {
        Counter.builder("estatedesk.uid.allocations")
                .description("Committed uid numbers, by role code")
                .tag("role", roleCode)
                .register(registry)
                .increment(count);
    }

    /** A value read at every scrape. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value)
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    public void registrationsWritten(int together) {
        registrationBatches.record(together);
    }

    public void lockWaited(Duration waited) {
        lockWait.record(waited);
    }

    public void lockTimedOut() {
        lockTimeouts.increment();
    }

    public void uniqueViolation(String constraint) {
        Counter.builder("estatedesk.unique.violations")
                .description("Unique constraint violations, by constraint")
                .tag("constraint", constraint)
                .register(registry)
                .increment();
    }

    /** A request named an id its company does not have (another company's, or none). */
    public void unknownIdLookup(String table) {
        Counter.builder("estatedesk.unknown.id.lookups")
                .description("Requests for an id the caller's company does not have, by table")
                .tag("table", table)
                .register(registry)
                .increment();
    }

    /** The defects per check of the latest whole-system audit (0 when the check passed). */
    public void auditResult(String check, long defects) {
        auditDefects
                .computeIfAbsent(check, name -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder("estatedesk.audit.defects", value, AtomicLong::get)
                            .description("Defects found by the latest system audit, by check")
                            .tag("check", name)
                            .register(registry);
                    return value;
                })
                .set(defects);
    }
}
