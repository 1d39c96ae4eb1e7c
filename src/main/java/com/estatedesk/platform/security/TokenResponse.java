package com.estatedesk.platform.security;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn"})
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {}
