package com.estatedesk.people;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

@Path("clients")
@RequestScoped
public class ClientResource extends PeopleResource {

    @Override
    protected PersonKind kind() {
        return PersonKind.CLIENT;
    }
}
