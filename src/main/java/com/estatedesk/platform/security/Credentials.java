package com.estatedesk.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * POST /auth/token. {@code company} is the company's slug; omitted for platform admins. {@code totp}: the
 * code of the login's second factor, when it has one.
 */
public record Credentials(
        @NotBlank @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String password,
        @Size(max = 100) String company,
        @Size(max = 10) String totp) {}
