package com.estatedesk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The REST API, version 1. Resources and providers are discovered by the container. */
@ApplicationPath("/api/v1")
@ApplicationScoped
public class EstateDeskApplication extends Application {

    /**
     * Jersey (Payara) would make a relative Location absolute with the request's Host header; rest.Created
     * builds Location itself, never from Host. RESTEasy (WildFly) leaves a Location header as it is given.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
