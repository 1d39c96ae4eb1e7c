package com.estatedesk.people;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

@Path("marketers")
@RequestScoped
public class MarketerResource extends PeopleResource {

    @Override
    protected PersonKind kind() {
        return PersonKind.MARKETER;
    }
}
