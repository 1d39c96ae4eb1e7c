package com.estatedesk.infra.rest;

import com.estatedesk.infra.identity.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One structured (JSON) line per API request: method, path, status, duration, and who asked (company,
 * account, role). Never headers, bodies or query strings: tokens and passwords stay out of the logs.
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 1000)
public class AccessLog implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger("estatedesk.access");
    /** Once: Json.createObjectBuilder() would look the JSON-P provider up again on every request. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private static final String STARTED = AccessLog.class.getName() + ".started";

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        JsonObjectBuilder line = JSON.createObjectBuilder()
                .add("method", request.getMethod())
                .add("path", absolute(request.getUriInfo().getPath(false)))
                .add("status", response.getStatus())
                .add("durationMs", started == null ? -1 : (System.nanoTime() - (Long) started) / 1_000_000);
        if (caller.isAuthenticated()) {
            line.add("role", caller.role().name()).add("account", caller.accountId());
            if (caller.companyId() != null) {
                line.add("company", caller.companyId());
            }
        }
        LOG.info(line.build().toString());
    }

    /** Without a regex: this runs on every request. */
    private static String absolute(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }
}
