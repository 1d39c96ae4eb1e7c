package com.estatedesk.platform.security;

import com.estatedesk.infra.problem.ProblemResponses;
import com.estatedesk.infra.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Under a login flood from one address, answers its further logins 503 before anything else is spent on them (body,
 * validation, transaction): each one then costs the server next to nothing, and the other requests
 * queued behind the flood are reached sooner. Only a shortcut: {@link HashingQueue#admit} decides.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class LoginFloodGate implements ContainerRequestFilter {

    @Inject
    HashingQueue queue;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if ("POST".equals(request.getMethod())
                && request.getUriInfo().getPath().endsWith("auth/token")
                && !queue.hasRoom(clientAddress.of(servletRequest))) {
            request.abortWith(ProblemResponses.of(Problems.busy("Too many logins at once; retry shortly.", 1)));
        }
    }
}
