package com.estatedesk.feature.summary;

import com.estatedesk.infra.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /summary: the company admin's figures: people, estates, units left, allocations. */
@Path("summary")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    @EJB
    SummaryService summaries;

    @GET
    @RolesAllowed(Role.COMPANY_ADMIN_NAME)
    public CompanySummary summary() {
        return summaries.summary();
    }
}
