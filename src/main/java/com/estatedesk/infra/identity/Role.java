package com.estatedesk.infra.identity;

/** What a caller may do. The names are the JWT {@code groups} and the values of {@code @RolesAllowed}. */
public enum Role {
    PLATFORM_ADMIN,
    COMPANY_ADMIN,
    MARKETER,
    CLIENT;

    public static final String PLATFORM_ADMIN_NAME = "PLATFORM_ADMIN";
    public static final String COMPANY_ADMIN_NAME = "COMPANY_ADMIN";
    public static final String MARKETER_NAME = "MARKETER";
    public static final String CLIENT_NAME = "CLIENT";
}
