package com.estatedesk.feature.company;

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
import jakarta.ws.rs.PATCH;
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

/** Companies: the platform admin's resource. */
@Path("companies")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class CompanyResource {

    @jakarta.ejb.EJB
    com.estatedesk.platform.security.SecondFactor secondFactor;

    @EJB
    CompanyService companies;

    @POST
    @APIResponseSchema(value = CompanyView.class, responseCode = "201")
    public Response create(@NotNull @Valid NewCompany request, @Context UriInfo uri) {
        CompanyView created = companies.createCompany(request);
        return Created.at(uri, created.id(), created);
    }

    @GET
    /** ?q= searches name, slug and prefix; ?order=newest lists the last created first (default: oldest). */
    public Page<CompanyView> list(
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("q") String query,
            @QueryParam("order") String order) {
        return companies.list(
                PageRequest.of(limit, cursor),
                query,
                PathIds.filter(order, "order", ListOrder.class) == ListOrder.newest);
    }

    /** The orders a list of companies can be read in. */
    public enum ListOrder {
        oldest,
        newest
    }

    /** The prefix a new company of this name would get: the console shows it while the name is typed. */
    @GET
    @Path("prefix")
    public PrefixPreview prefix(@QueryParam("name") String name) {
        return companies.previewPrefix(name);
    }

    @GET
    @Path("{id}")
    public CompanyView get(@PathParam("id") String id) {
        return companies.find(PathIds.parse(id, "company"));
    }

    @POST
    @Path("{id}/sequences/backfill")
    public SequencesView backfillSequences(@PathParam("id") String id) {
        return companies.backfillSequences(PathIds.parse(id, "company"));
    }

    /** A new name, and/or SUSPENDED / ACTIVE; the prefix never changes. */
    @PATCH
    @Path("{id}")
    public CompanyView change(@PathParam("id") String id, CompanyChanges changes) {
        return companies.change(PathIds.parse(id, "company"), changes);
    }

    /** A company admin lost the device of their second factor: it is off, and their sign-ins end. */
    @POST
    @Path("{id}/second-factor-reset")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
            responseCode = "204",
            description = "Off; the admin signs in with the password and enrols again")
    public Response resetSecondFactor(@PathParam("id") String id, @NotNull @Valid SecondFactorReset reset) {
        secondFactor.resetCompanyAdmin(PathIds.parse(id, "company"), reset.email());
        return Response.noContent().build();
    }

    /** POST /companies/{id}/second-factor-reset. */
    public record SecondFactorReset(
            @jakarta.validation.constraints.NotBlank
            @jakarta.validation.constraints.Email
            @jakarta.validation.constraints.Size(max = 254)
            String email) {}
}
