package com.estatedesk.platform.audit;

import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /audit: a company admin audits its own company; a platform admin the whole system. */
@Path("audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @EJB
    AuditService audit;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.COMPANY_ADMIN_NAME})
    public AuditReport audit() {
        return audit.audit(caller.companyId());
    }
}
