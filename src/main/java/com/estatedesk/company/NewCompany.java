package com.estatedesk.company;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** POST /companies: the company and its first admin, created in one transaction. */
public record NewCompany(
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "[A-Z]{2,6}[0-9]{0,6}", message = "must be 2 to 6 letters A-Z, optionally followed by digits")
        String prefix,
        @NotNull @Valid Admin admin) {

    public record Admin(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 8, max = 200) String password) {
    }
}
