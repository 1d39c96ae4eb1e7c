package com.estatedesk.infra.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness DOWN from SIGTERM on: load balancers stop sending requests while the last ones finish. */
@Readiness
@ApplicationScoped
public class DrainingCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("estatedesk-draining")
                .status(!Draining.isDraining())
                .withData("draining", Draining.isDraining())
                .build();
    }
}
