package com.estatedesk.feature.people;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** GET /me: who the token says the caller is. Platform admins have no company, person or uid. */
@JsonbPropertyOrder({"accountId", "role", "company", "personId", "uid"})
public record MeView(long accountId, String role, CompanyRef company, Long personId, String uid) {

    @JsonbPropertyOrder({"id", "slug", "prefix"})
    public record CompanyRef(long id, String slug, String prefix) {}
}
