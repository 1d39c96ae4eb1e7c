package com.estatedesk.infra.database;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive means this application is deployed and its JVM has memory left; it does not depend on the
 * database (that is readiness), so a database outage does not get the instance restarted.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        // UP or DOWN only: /health answers anyone, and the heap's figures are for /metrics (token or loopback).
        return HealthCheckResponse.named("estatedesk-alive")
                .status(used < runtime.maxMemory() * 0.98)
                .build();
    }
}
