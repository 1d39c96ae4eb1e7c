package com.estatedesk.platform.security;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * What an invitation link is for, shown to its holder before they choose a password: who is invited,
 * with which email, at which company, and the sign-in name they will type afterwards.
 */
@JsonbPropertyOrder({"name", "email", "company", "expiresAt"})
public record InvitationPreview(String name, String email, Where company, Instant expiresAt) {

    /** The company's name and its sign-in name (slug). */
    @JsonbPropertyOrder({"name", "slug"})
    public record Where(String name, String slug) {}
}
