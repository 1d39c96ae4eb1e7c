package com.estatedesk.feature.company;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** POST /companies: the company and its first admin, created in one transaction. */
public record NewCompany(
        @NotBlank @Size(max = 200) String name,

        @Pattern(regexp = CompanyNaming.EXPLICIT_PREFIX_REGEX, message = CompanyNaming.EXPLICIT_PREFIX_RULE)
        String prefix,

        @NotNull @Valid Admin admin) {

    public record Admin(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 8, max = 200) String password) {}
}
