package com.estatedesk.platform.security;

import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.platform.tenancy.Company;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The caller's own company login, for what a person does to it (password, email, second factor, sign-out),
 * and the one check of a current password: a wrong one is a failed login, counted and throttled, answered 403.
 */
@ApplicationScoped
public class OwnLogin {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Tenancy tenancy;

    @Inject
    Passwords passwords;

    @EJB
    LoginThrottle throttle;

    /** The caller's account, its company bound to the transaction. */
    Account account() {
        tenancy.bindToTransaction(caller.companyId());
        return em.find(Account.class, caller.accountId());
    }

    /** The caller's company (for the throttle's key and for emails). */
    Company company() {
        return em.find(Company.class, caller.companyId());
    }

    /** A company login's current password, as the throttle counts it under the company's slug. */
    void checkPassword(Account account, String password) {
        checkPassword(company().slug(), account.email(), password, account.passwordHash());
    }

    void checkPassword(String companyKey, String email, String password, String hash) {
        throttle.admit(companyKey, email);
        if (!passwords.matches(password, hash)) {
            throw Problems.forbidden("The current password is wrong.");
        }
        throttle.clear(companyKey, email);
    }
}
