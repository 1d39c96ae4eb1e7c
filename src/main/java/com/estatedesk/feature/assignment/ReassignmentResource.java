package com.estatedesk.feature.assignment;

import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.rest.PathIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** POST /marketers/{id}/reassign: hands all of a (typically deactivated) marketer's clients to another. */
@Path("marketers/{id}/reassign")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReassignmentResource {

    @EJB
    AssignmentService assignments;

    @POST
    @RolesAllowed(Role.COMPANY_ADMIN_NAME)
    public Reassignment.Result reassign(@PathParam("id") String id, @NotNull @Valid Reassignment request) {
        return assignments.reassignClients(PathIds.parse(id, "marketer"), request);
    }
}
