package com.estatedesk.platform.tenancy;

/** A SUSPENDED company keeps all its data; its logins answer 401 and its tokens stop working. */
public enum CompanyStatus {
    ACTIVE,
    SUSPENDED
}
