package com.estatedesk.platform.security;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code secondFactorRequired}: the login's role needs a second factor it has not turned on; this token
 * may only enrol one (POST /me/totp, then /me/totp/confirm) and sign out.
 */
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "secondFactorRequired"})
public record TokenResponse(String accessToken, String tokenType, long expiresIn, boolean secondFactorRequired) {}
