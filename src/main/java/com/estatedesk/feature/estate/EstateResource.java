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

/** Estates and the plots laid out in them: company admins write, marketers read. */
@Path("estates")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EstateResource {

    @EJB
    EstateService estates;

    @POST
    @RolesAllowed(Role.COMPANY_ADMIN_NAME)
    @APIResponseSchema(value = EstateView.class, responseCode = "201")
    public Response create(@NotNull @Valid NewEstate request, @Context UriInfo uri) {
        EstateView created = estates.createEstate(request);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME})
    public Page<EstateView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return estates.listEstates(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME})
    public EstateView get(@PathParam("id") String id) {
        return estates.findEstate(PathIds.parse(id, "estate"));
    }

    @POST
    @Path("{id}/plots")
    @RolesAllowed(Role.COMPANY_ADMIN_NAME)
    @APIResponseSchema(value = EstatePlotView.class, responseCode = "201")
    public Response addPlots(@PathParam("id") String id, @NotNull @Valid NewEstatePlot request, @Context UriInfo uri) {
        EstatePlotView created = estates.addPlots(PathIds.parse(id, "estate"), request);
        return Created.at(uri, created.plotSizeId(), created);
    }

    @GET
    @Path("{id}/plots")
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME})
    public EstatePlots plots(@PathParam("id") String id) {
        return new EstatePlots(estates.listPlots(PathIds.parse(id, "estate")));
    }

    @GET
    @Path("{id}/plots/{plotSizeId}")
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME})
    public EstatePlotView plot(@PathParam("id") String id, @PathParam("plotSizeId") String plotSizeId) {
        return estates.findPlot(
                PathIds.parse(id, "estate"), PathIds.parse(plotSizeId, "plot of this size in this estate"));
    }
}
