package com.estatedesk.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("auth/token")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @EJB
    AuthService auth;

    @POST
    @PermitAll
    public TokenResponse token(@NotNull @Valid Credentials credentials) {
        Tokens.Issued issued = auth.login(credentials);
        return new TokenResponse(issued.token(), "Bearer", issued.expiresIn());
    }
}
