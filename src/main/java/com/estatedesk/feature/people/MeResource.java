package com.estatedesk.feature.people;

import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.identity.Role;
import com.estatedesk.platform.security.AccountService;
import com.estatedesk.platform.security.AuthService;
import com.estatedesk.platform.security.BeforeSecondFactor;
import com.estatedesk.platform.security.LinkRequests;
import com.estatedesk.platform.security.PasswordChange;
import com.estatedesk.platform.security.SecondFactor;
import com.estatedesk.platform.security.Throttled;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Caller caller;

    @EJB
    CallerProfile profile;

    @EJB
    AuthService auth;

    @EJB
    AccountService accounts;

    @EJB
    SecondFactor secondFactor;

    @GET
    @BeforeSecondFactor
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
    public MeView me() {
        if (caller.companyId() == null) {
            return new MeView(caller.accountId(), caller.role().name(), "Platform operator", null, null, null);
        }
        return profile.describeCaller();
    }

    /** 204; every token of this login issued before now stops working, this one included. */
    @POST
    @Path("password")
    @Throttled
    @APIResponse(responseCode = "204", description = "Changed; every earlier token of this login is dead")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
    public Response changePassword(@NotNull @Valid PasswordChange change) {
        auth.changePassword(change.currentPassword(), change.newPassword());
        return Response.noContent().build();
    }

    /** 204: a confirmation link goes to the new address; the email changes when it is followed. */
    @POST
    @Path("email")
    @Throttled
    @APIResponse(responseCode = "204", description = "A confirmation link is on its way to the new address")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
    public Response changeEmail(@NotNull @Valid LinkRequests.EmailChange change) {
        accounts.requestEmailChange(change.currentPassword(), change.newEmail());
        return Response.noContent().build();
    }

    /** Enrolment of a second factor: the secret, its otpauth:// URL and a QR code (a PNG data URI) of it. */
    @POST
    @Path("totp")
    @BeforeSecondFactor
    @APIResponse(responseCode = "200", description = "Scan the QR code, then confirm a code with POST /me/totp/confirm")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
    public SecondFactor.Enrolment enrolSecondFactor() {
        return secondFactor.enrol();
    }

    /** A code from the enrolled secret turns the second factor on: logins need a code from now on. */
    @POST
    @Path("totp/confirm")
    @BeforeSecondFactor
    @APIResponse(responseCode = "204", description = "On: every login needs a code from now on")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
    public Response confirmSecondFactor(@NotNull @Valid TotpCode code) {
        secondFactor.confirm(code.code());
        return Response.noContent().build();
    }

    /** POST /me/totp/confirm. */
    public record TotpCode(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 10)
            String code) {}
}
