package com.estatedesk.feature.people;

import com.estatedesk.feature.people.model.PersonKind;
import com.estatedesk.feature.people.model.PersonView;
import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** Clients never read marketers: a client learns its marketers from its messages, not from this list. */
@Path("marketers")
@ApplicationScoped
public class MarketerResource extends PeopleResource {

    @Override
    protected PersonKind kind() {
        return PersonKind.MARKETER;
    }

    @GET
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME})
    public Page<PersonView> list(
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("q") String query,
            @QueryParam("status") String status) {
        return listPeople(limit, cursor, query, status, null);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME})
    public PersonView get(@PathParam("id") String id) {
        return getPerson(id);
    }
}
