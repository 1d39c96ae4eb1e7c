package com.estatedesk.feature.people;

import com.estatedesk.feature.people.model.InvitedPersonView;
import com.estatedesk.feature.people.model.PersonChanges;
import com.estatedesk.feature.people.model.PersonKind;
import com.estatedesk.feature.people.model.PersonStatus;
import com.estatedesk.feature.people.model.PersonView;
import com.estatedesk.feature.registration.NewPerson;
import com.estatedesk.feature.registration.RegistrationLanes;
import com.estatedesk.feature.registration.RegistrationService;
import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.paging.Page;
import com.estatedesk.infra.paging.PageRequest;
import com.estatedesk.infra.rest.Created;
import com.estatedesk.infra.rest.PathIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * The REST face of marketers and clients (same contract, different {@link PersonKind}). Writes are the
 * company admin's and declared here; reads are declared by each subclass, with the roles that may read
 * that kind. Which of those rows a role sees is decided on the data (see {@code Visibility}).
 * There is no DELETE (405): people are deactivated, never deleted, and their uids never reused.
 *
 * <p>The subclasses are application-scoped and keep no state of a request (the request's {@link UriInfo}
 * comes as a parameter): creating and injecting a request-scoped resource took about 5 % of the CPU samples of
 * a registration (BENCHMARKS.md).
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public abstract class PeopleResource {

    @EJB
    PeopleService people;

    @EJB
    RegistrationService registrations;

    @Inject
    RegistrationLanes lanes;

    protected abstract PersonKind kind();

    /** With {@code "invite": true} the answer also carries the invitation link (InvitedPersonView), this once. */
    @POST
    @RolesAllowed(Role.COMPANY_ADMIN_NAME)
    @APIResponseSchema(value = PersonView.class, responseCode = "201")
    public Response register(@NotNull @Valid NewPerson request, @Context UriInfo uri) {
        if (request.wantsInvitation()) {
            InvitedPersonView invited = lanes.registerInvited(kind(), request);
            return Created.at(uri, invited.id(), invited);
        }
        PersonView created = lanes.register(kind(), request);
        return Created.at(uri, created.id(), created);
    }

    /** A new invitation link for a person without a working login; an earlier link of theirs dies. */
    @POST
    @Path("{id}/invitation")
    @RolesAllowed(Role.COMPANY_ADMIN_NAME)
    @APIResponseSchema(value = InvitedPersonView.class, responseCode = "201")
    public Response invite(@PathParam("id") String id, @Context UriInfo uri) {
        InvitedPersonView invited = people.invite(kind(), PathIds.parse(id, kind().label()));
        // Location: the person, whose login the invitation is for
        return Created.under(uri, uri.getPath().replaceFirst("/invitation$", ""), invited);
    }

    /** The reads; each subclass declares them with the roles that may read its kind. */
    Page<PersonView> listPeople(String limit, String cursor, String query, String status, String marketerId) {
        return people.list(
                kind(),
                PageRequest.of(limit, cursor),
                query,
                PathIds.filter(status, "status", PersonStatus.class),
                PathIds.filter(marketerId, "marketerId"));
    }

    PersonView getPerson(String id) {
        return people.find(kind(), PathIds.parse(id, kind().label()));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.COMPANY_ADMIN_NAME)
    public PersonView change(@PathParam("id") String id, PersonChanges changes) {
        return people.change(kind(), PathIds.parse(id, kind().label()), changes);
    }
}
