package com.estatedesk.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who sent the current request, as its verified token says. Filled once per request by
 * {@link TokenAuthentication}; nothing in a path, body, query or header can change it.
 */
@RequestScoped
public class Caller {

    private Long accountId;
    private Role role;
    private Long companyId;

    void authenticate(long accountId, Role role, Long companyId) {
        if (this.role != null) {
            throw new IllegalStateException("caller already authenticated");
        }
        this.accountId = accountId;
        this.role = role;
        this.companyId = companyId;
    }

    public boolean isAuthenticated() {
        return role != null;
    }

    public Long accountId() {
        return accountId;
    }

    public Role role() {
        return role;
    }

    /** The caller's company; null for platform admins and anonymous callers. */
    public Long companyId() {
        return companyId;
    }

    public boolean is(Role expected) {
        return role == expected;
    }
}
