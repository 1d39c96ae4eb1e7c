package com.estatedesk.platform.security;

import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.problem.ProblemResponses;
import com.estatedesk.infra.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Enforces {@link Access} on every resource method, and denies methods that declare neither
 * {@code @RolesAllowed} nor {@code @PermitAll}: access is granted by declaration, never by omission. A
 * token that may only enrol a second factor reaches the {@link BeforeSecondFactor} methods alone.
 */
@Provider
public class RoleAuthorization implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        // Every method: even one open to anyone is closed to a token that may only enrol a second factor.
        context.register(new Check(Access.of(resource.getResourceClass(), resource.getResourceMethod())));
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {
        private final Access access;
        /**
         * Caller is request-scoped, so this is its client proxy: looked up once, it reaches each request's
         * own Caller. (A CDI lookup per request cost ~6 % of a registration's CPU.)
         */
        private volatile Caller callers;

        Check(Access access) {
            this.access = access;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Caller caller = callers;
            if (caller == null) {
                caller = callers = CDI.current().select(Caller.class).get();
            }
            if (caller.mayOnlyEnrolSecondFactor() && !access.beforeSecondFactor()) {
                request.abortWith(ProblemResponses.of(Problems.of(
                        "second-factor-required",
                        "Second factor required",
                        403,
                        "Your role signs in with two-step sign-in: turn it on first (POST /me/totp, then /me/totp/confirm),"
                                + " then sign in again with a code.")));
            } else if (access.anyone()) {
                return;
            } else if (!caller.isAuthenticated()) {
                request.abortWith(ProblemResponses.of(Problems.unauthorized("A valid bearer token is required.")));
            } else if (!access.allows(caller.role())) {
                request.abortWith(
                        ProblemResponses.of(Problems.forbidden("The role " + caller.role() + " may not do this.")));
            }
        }
    }
}
