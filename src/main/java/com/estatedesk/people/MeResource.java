package com.estatedesk.people;

import com.estatedesk.security.Caller;
import com.estatedesk.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Caller caller;

    @EJB
    CallerProfile profile;

    @GET
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
    public MeView me() {
        if (caller.companyId() == null) {
            return new MeView(caller.accountId(), caller.role().name(), null, null, null);
        }
        return profile.describeCaller();
    }
}
