package com.estatedesk.platform.security;

import com.estatedesk.infra.identity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("auth")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @EJB
    AuthService auth;

    @Inject
    ClientAddress clientAddress;

    @POST
    @Path("token")
    @PermitAll
    @Throttled
    public TokenResponse token(@NotNull @Valid Credentials credentials, @Context HttpServletRequest request) {
        Tokens.Issued issued = auth.login(credentials, clientAddress.of(request));
        return new TokenResponse(issued.token(), "Bearer", issued.expiresIn());
    }

    /** Ends the token this request carries, on every instance. */
    @POST
    @Path("logout")
    @APIResponse(responseCode = "204", description = "The token is dead on every instance")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
    public Response logout() {
        auth.logout();
        return Response.noContent().build();
    }
}
