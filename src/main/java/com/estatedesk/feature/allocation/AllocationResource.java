package com.estatedesk.feature.allocation;

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

/** Allocations: company admins and marketers (for their assigned clients) allocate; clients read their own. */
@Path("allocations")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AllocationResource {

    @EJB
    AllocationService allocations;

    @POST
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME})
    @APIResponseSchema(value = AllocationView.class, responseCode = "201")
    public Response allocate(@NotNull @Valid NewAllocation request, @Context UriInfo uri) {
        AllocationView created = allocations.allocatePlot(request);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
    public AllocationView get(@PathParam("id") String id) {
        return allocations.find(PathIds.parse(id, "allocation"));
    }

    @GET
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
    public Page<AllocationView> list(
            @QueryParam("clientId") String clientId,
            @QueryParam("estateId") String estateId,
            @QueryParam("marketerId") String marketerId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return allocations.list(
                PathIds.filter(clientId, "clientId"),
                PathIds.filter(estateId, "estateId"),
                PathIds.filter(marketerId, "marketerId"),
                PageRequest.of(limit, cursor));
    }
}
