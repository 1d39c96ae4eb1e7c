package com.estatedesk.platform.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the one-time-link endpoints (invitations, password resets, email changes). */
public final class LinkRequests {

    private LinkRequests() {}

    /** POST /auth/invitations/accept. */
    public record InvitationAcceptance(
            @NotBlank @Size(max = 100) String token,
            @NotNull @Size(min = 8, max = 200) String password) {}

    /** POST /auth/password-reset; no company: nothing is sent (platform admins' passwords are not reset by email). */
    public record ResetRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 100) String company) {}

    /** POST /auth/password-reset/confirm. */
    public record ResetConfirmation(
            @NotBlank @Size(max = 100) String token,
            @NotNull @Size(min = 8, max = 200) String newPassword) {}

    /** POST /auth/email/confirm and POST /auth/invitations/preview: the link's token alone. */
    public record LinkToken(@NotBlank @Size(max = 100) String token) {}

    /** POST /me/email. */
    public record EmailChange(
            @NotNull @Size(max = 200) String currentPassword,
            @NotBlank @Email @Size(max = 254) String newEmail) {}
}
