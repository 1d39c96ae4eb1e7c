package com.estatedesk.infra.identity;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who sent the current request, as its verified token says. Filled once per request by the security
 * package's token filter; nothing in a path, body, query or header can change it. It lives down here so
 * that every tier (the access log, tenancy, idempotency, the features) can ask who is calling.
 */
@RequestScoped
public class Caller {

    private Long accountId;
    private Role role;
    private Long companyId;
    private String tokenId;
    private boolean enrolOnly;

    /** {@code enrolOnly}: the token may only set up a second factor (its role must have one, and has none yet). */
    public void authenticate(long accountId, Role role, Long companyId, String tokenId, boolean enrolOnly) {
        if (this.role != null) {
            throw new IllegalStateException("caller already authenticated");
        }
        this.accountId = accountId;
        this.role = role;
        this.companyId = companyId;
        this.tokenId = tokenId;
        this.enrolOnly = enrolOnly;
    }

    public boolean mayOnlyEnrolSecondFactor() {
        return enrolOnly;
    }

    /** The id (jti) of the token this request came with: what a logout revokes. */
    public String tokenId() {
        return tokenId;
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
