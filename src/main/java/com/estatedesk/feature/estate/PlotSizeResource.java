package com.estatedesk.feature.estate;

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

@Path("plot-sizes")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PlotSizeResource {

    @EJB
    EstateService estates;

    @POST
    @RolesAllowed(Role.COMPANY_ADMIN_NAME)
    @APIResponseSchema(value = PlotSizeView.class, responseCode = "201")
    public Response create(@NotNull @Valid NewPlotSize request, @Context UriInfo uri) {
        PlotSizeView created = estates.createPlotSize(request.size());
        return Created.at(uri, created.id(), created);
    }

    @GET
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME})
    public Page<PlotSizeView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return estates.listPlotSizes(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME})
    public PlotSizeView get(@PathParam("id") String id) {
        return estates.findPlotSize(PathIds.parse(id, "plot size"));
    }
}
