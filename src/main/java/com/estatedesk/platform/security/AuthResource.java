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

    @EJB
    AccountService accounts;

    @POST
    @Path("token")
    @PermitAll
    @Throttled
    public TokenResponse token(@NotNull @Valid Credentials credentials, @Context HttpServletRequest request) {
        Tokens.Issued issued = auth.login(credentials, clientAddress.of(request));
        return new TokenResponse(issued.token(), "Bearer", issued.expiresIn(), issued.enrolOnly());
    }

    /** Ends the token this request carries, on every instance. */
    @POST
    @Path("logout")
    @BeforeSecondFactor
    @APIResponse(responseCode = "204", description = "The token is dead on every instance")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
    public Response logout() {
        auth.logout();
        return Response.noContent().build();
    }

    /** Whom an invitation link is for and at which company, before its holder chooses a password; the link stays live. */
    @POST
    @Path("invitations/preview")
    @PermitAll
    @APIResponse(
            responseCode = "200",
            description = "The invited person's name and email, and the company's name and sign-in name")
    @APIResponse(responseCode = "410", description = "The link was used, has expired, was replaced, or never existed")
    public InvitationPreview previewInvitation(@NotNull @Valid LinkRequests.LinkToken link) {
        return accounts.previewInvitation(link.token());
    }

    /** The invited person chooses a password; they can sign in at once. */
    @POST
    @Path("invitations/accept")
    @PermitAll
    @APIResponse(responseCode = "204", description = "The password is set; the person can sign in")
    @APIResponse(responseCode = "410", description = "The link was used, has expired, was replaced, or never existed")
    public Response acceptInvitation(@NotNull @Valid LinkRequests.InvitationAcceptance acceptance) {
        accounts.acceptInvitation(acceptance.token(), acceptance.password());
        return Response.noContent().build();
    }

    /**
     * Always 202, in the same time, whether or not the login exists: when it does (and this service sends
     * email), a one-time link valid 30 minutes goes to its mailbox, and to nobody else.
     */
    @POST
    @Path("password-reset")
    @PermitAll
    @Throttled
    @APIResponse(responseCode = "202", description = "If the login exists, a reset link is on its way to its mailbox")
    public Response requestPasswordReset(@NotNull @Valid LinkRequests.ResetRequest request) {
        accounts.requestReset(request.company(), request.email());
        return Response.accepted().build();
    }

    /** A new password from a reset link; every earlier token and link of the login dies. */
    @POST
    @Path("password-reset/confirm")
    @PermitAll
    @APIResponse(responseCode = "204", description = "Changed; every earlier token of this login is dead")
    @APIResponse(responseCode = "410", description = "The link was used, has expired, was replaced, or never existed")
    public Response confirmPasswordReset(@NotNull @Valid LinkRequests.ResetConfirmation confirmation) {
        accounts.confirmReset(confirmation.token(), confirmation.newPassword());
        return Response.noContent().build();
    }

    /** The link sent to a new address: the login's email is that address from now on. */
    @POST
    @Path("email/confirm")
    @PermitAll
    @APIResponse(responseCode = "204", description = "The new email is the login's; earlier tokens are dead")
    @APIResponse(responseCode = "410", description = "The link was used, has expired, was replaced, or never existed")
    public Response confirmEmail(@NotNull @Valid LinkRequests.LinkToken confirmation) {
        accounts.confirmEmailChange(confirmation.token());
        return Response.noContent().build();
    }
}
