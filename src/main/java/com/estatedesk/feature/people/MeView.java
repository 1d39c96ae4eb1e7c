package com.estatedesk.feature.people;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * GET /me: who the token says the caller is, with the name shown in the console's header. Platform
 * admins have no company, person or uid, and are named "Platform operator".
 */
@JsonbPropertyOrder({"accountId", "role", "name", "company", "personId", "uid"})
public record MeView(long accountId, String role, String name, CompanyRef company, Long personId, String uid) {

    @JsonbPropertyOrder({"id", "name", "slug", "prefix"})
    public record CompanyRef(long id, String name, String slug, String prefix) {}
}
