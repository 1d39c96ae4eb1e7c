package com.estatedesk.feature.registration;

import com.estatedesk.feature.people.model.PersonChanges;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * POST /marketers and /clients. A password makes the person able to log in at once; {@code "invite": true}
 * instead gives them a one-time link to choose their own password.
 */
public record NewPerson(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,

        @Pattern(regexp = PersonChanges.PHONE_PATTERN, message = PersonChanges.PHONE_MESSAGE)
        String phone,

        @Size(min = 8, max = 200) String password,
        Boolean invite) {

    public boolean wantsInvitation() {
        return Boolean.TRUE.equals(invite);
    }
}
