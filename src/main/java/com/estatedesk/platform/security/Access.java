package com.estatedesk.platform.security;

import com.estatedesk.infra.identity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call a resource method, read from where the endpoint is declared: the method's
 * {@code @PermitAll}/{@code @RolesAllowed}, else its class's. The one reading of those annotations:
 * {@link RoleAuthorization} enforces it, the OpenAPI document prints it as {@code x-roles}, and the
 * tests check the README's role table against it. No declaration means nobody; and a token that may
 * only enrol a second factor reaches only methods marked {@link BeforeSecondFactor}.
 */
public record Access(boolean anyone, Set<Role> roles, boolean beforeSecondFactor) {

    public static Access of(Class<?> resource, Method method) {
        boolean beforeSecondFactor = method.isAnnotationPresent(BeforeSecondFactor.class);
        if (method.isAnnotationPresent(PermitAll.class)) {
            return new Access(true, EnumSet.allOf(Role.class), beforeSecondFactor);
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : resource.getAnnotation(RolesAllowed.class);
        if (allowed == null && resource.isAnnotationPresent(PermitAll.class)) {
            return new Access(true, EnumSet.allOf(Role.class), beforeSecondFactor);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (allowed != null) {
            Arrays.stream(allowed.value()).map(Role::valueOf).forEach(roles::add);
        }
        return new Access(false, roles, beforeSecondFactor);
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
