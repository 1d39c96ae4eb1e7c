package com.estatedesk.infra.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A graceful stop on SIGTERM, so that a rolling restart behind a load balancer fails no request: the
 * instance first reports readiness DOWN ({@link DrainingCheck}) and keeps serving for
 * ESTATEDESK_DRAIN_SECONDS, the time the balancer needs to notice and send new requests elsewhere; then it
 * waits for the requests it is still answering ({@link InFlightRequests}, at most
 * ESTATEDESK_DRAIN_MAX_SECONDS) and only then lets the server shut down. Without this, Payara Micro stops
 * at once on SIGTERM and cuts the requests it is answering. 0 keeps the server's own behaviour.
 */
@Startup
@Singleton
public class Draining {

    private static final Logger LOG = Logger.getLogger(Draining.class.getName());

    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

    private static volatile boolean draining;

    @Inject
    @ConfigProperty(name = "estatedesk.drain.seconds", defaultValue = "5")
    int drainSeconds;

    @Inject
    @ConfigProperty(name = "estatedesk.drain.max.seconds", defaultValue = "30")
    int maxSeconds;

    @PostConstruct
    void takeOverSigterm() {
        if (drainSeconds <= 0) {
            return;
        }
        try {
            // sun.misc.Signal (module jdk.unsupported): the only way to act on SIGTERM before the JVM's
            // shutdown hooks, which stop the server at once, on Payara and on WildFly alike.
            SigtermHandler.install(this::drainThenExit);
            LOG.info("On SIGTERM this instance reports not ready, serves " + drainSeconds
                    + " s more, finishes its requests (at most " + maxSeconds + " s) and stops");
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError unavailable) {
            LOG.warning("SIGTERM stops this instance at once (no drain): " + unavailable);
        }
    }

    /** Whether this instance is on its way out (readiness DOWN). */
    public static boolean isDraining() {
        return draining;
    }

    static void requestStarted() {
        IN_FLIGHT.incrementAndGet();
    }

    static void requestEnded() {
        IN_FLIGHT.decrementAndGet();
    }

    private void drainThenExit() {
        if (draining) {
            return;
        }
        draining = true;
        Thread drain = new Thread(
                () -> {
                    LOG.info("SIGTERM: readiness DOWN, draining for " + drainSeconds + " s");
                    pause(TimeUnit.SECONDS.toMillis(drainSeconds));
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
                    while (IN_FLIGHT.get() > 0 && System.nanoTime() < deadline) {
                        pause(50);
                    }
                    LOG.info("SIGTERM: drained (" + IN_FLIGHT.get() + " requests still open); stopping");
                    System.exit(0);
                },
                "estatedesk-drain");
        drain.setDaemon(false);
        drain.start();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
