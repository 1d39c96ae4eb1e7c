package com.estatedesk.platform.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /me/password. */
public record PasswordChange(
        @NotNull @Size(max = 200) String currentPassword,
        @NotNull @Size(min = 8, max = 200) String newPassword) {}
