package com.estatedesk.feature.assignment;

import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.paging.Page;
import com.estatedesk.infra.paging.PageRequest;
import com.estatedesk.infra.rest.Created;
import com.estatedesk.infra.rest.PathIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

@Path("assignments")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.COMPANY_ADMIN_NAME)
public class AssignmentResource {

    @EJB
    AssignmentService assignments;

    @POST
    @APIResponseSchema(value = AssignmentView.class, responseCode = "201")
    public Response assign(@NotNull @Valid NewAssignment request, @Context UriInfo uri) {
        AssignmentView created = assignments.assignClientToMarketer(request);
        return Created.at(uri, created.id(), created);
    }

    @GET
    public Page<AssignmentView> list(
            @QueryParam("clientId") String clientId,
            @QueryParam("marketerId") String marketerId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return assignments.list(
                PathIds.filter(clientId, "clientId"),
                PathIds.filter(marketerId, "marketerId"),
                PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("{id}")
    public Response unassign(@PathParam("id") String id) {
        assignments.unassign(PathIds.parse(id, "assignment"));
        return Response.noContent().build();
    }
}
