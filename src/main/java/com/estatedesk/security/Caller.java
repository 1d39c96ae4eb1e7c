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
    private String tokenId;

    void authenticate(Tokens.Verified token) {
        if (this.role != null) {
            throw new IllegalStateException("caller already authenticated");
        }
        this.accountId = token.accountId();
        this.role = token.role();
        this.companyId = token.companyId();
        this.tokenId = token.tokenId();
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
