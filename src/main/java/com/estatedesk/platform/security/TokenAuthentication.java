package com.estatedesk.platform.security;

import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.problem.ProblemResponses;
import com.estatedesk.infra.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads the bearer token of every request into {@link Caller}. A request without one stays anonymous
 * (only {@code @PermitAll} endpoints take it); a request with a bad one is refused with 401, even on
 * {@code @PermitAll} endpoints.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenAuthentication implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    @Inject
    Tokens tokens;

    @Inject
    Caller caller;

    @Inject
    Revocations revocations;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(ProblemResponses.of(Problems.unauthorized("Only Bearer tokens are accepted.")));
            return;
        }
        try {
            Tokens.Verified verified =
                    tokens.verify(authorization.substring(BEARER.length()).trim());
            if (revocations.isRevoked(verified)) {
                // Deactivated, password changed, company suspended, or logged out: the same 401 as an expired token.
                request.abortWith(ProblemResponses.of(Problems.unauthorized("The bearer token has been revoked.")));
                return;
            }
            caller.authenticate(
                    verified.accountId(),
                    verified.role(),
                    verified.companyId(),
                    verified.tokenId(),
                    verified.enrolOnly());
        } catch (Tokens.InvalidToken invalid) {
            request.abortWith(ProblemResponses.of(Problems.unauthorized(invalid.getMessage())));
        }
    }
}
