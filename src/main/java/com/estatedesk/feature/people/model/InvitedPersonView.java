package com.estatedesk.feature.people.model;

import com.estatedesk.platform.security.Invitation;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * A person just invited: the person as {@link PersonView} shows them, and the invitation link, in this
 * answer only (it is never shown again; a new invitation replaces it).
 */
@JsonbPropertyOrder({
    "id",
    "uid",
    "number",
    "name",
    "email",
    "phone",
    "status",
    "accountId",
    "login",
    "createdAt",
    "invitationUrl",
    "invitationExpiresAt",
    "invitationEmailed"
})
public record InvitedPersonView(
        long id,
        String uid,
        long number,
        String name,
        String email,
        String phone,
        PersonStatus status,
        Long accountId,
        LoginState login,
        Instant createdAt,
        String invitationUrl,
        Instant invitationExpiresAt,
        boolean invitationEmailed) {

    public static InvitedPersonView of(Person person, Invitation invitation) {
        PersonView view = PersonView.of(person, LoginState.INVITED);
        return new InvitedPersonView(
                view.id(),
                view.uid(),
                view.number(),
                view.name(),
                view.email(),
                view.phone(),
                view.status(),
                view.accountId(),
                view.login(),
                view.createdAt(),
                invitation.invitationUrl(),
                invitation.expiresAt(),
                invitation.emailed());
    }
}
