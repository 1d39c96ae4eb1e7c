package com.estatedesk.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that a token which may only enrol a second factor reaches: the one issued to a role that
 * must sign in with two steps (ESTATEDESK_REQUIRE_TOTP) but has none yet. Every other endpoint answers
 * such a token 403 second-factor-required ({@link RoleAuthorization}), so this is the whole list,
 * declared where the endpoints are.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BeforeSecondFactor {}
