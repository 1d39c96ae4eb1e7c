package com.estatedesk.security;

import com.estatedesk.company.Company;
import com.estatedesk.problem.Problems;
import com.estatedesk.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Exchanges credentials for a token. Every failure (unknown company, unknown email, wrong password)
 * is the same 401 after the same amount of hashing work, so nothing can be probed.
 */
@Stateless
public class AuthService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Tokens tokens;

    @Inject
    Tenancy tenancy;

    public Tokens.Issued login(Credentials credentials) {
        String email = credentials.email().trim().toLowerCase(Locale.ROOT);
        if (credentials.company() == null) {
            List<PlatformAdmin> admins = em.createNamedQuery(PlatformAdmin.BY_EMAIL, PlatformAdmin.class)
                    .setParameter("email", email).getResultList();
            if (!verified(credentials.password(), admins.stream().map(PlatformAdmin::passwordHash).findFirst())) {
                throw wrongCredentials();
            }
            return tokens.issue(admins.get(0).id(), Role.PLATFORM_ADMIN, null, email);
        }
        List<Company> companies = em.createNamedQuery(Company.BY_SLUG, Company.class)
                .setParameter("slug", credentials.company().trim().toLowerCase(Locale.ROOT)).getResultList();
        if (companies.isEmpty()) {
            passwords.rejectInConstantTime(credentials.password());
            throw wrongCredentials();
        }
        Company company = companies.get(0);
        // The company named in the credentials is the tenant of this lookup, and of nothing else.
        tenancy.bindToTransaction(company.id());
        List<Account> accounts = em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", email).getResultList();
        if (!verified(credentials.password(), accounts.stream().map(Account::passwordHash).findFirst())
                || !accounts.get(0).isActive()) {
            throw wrongCredentials();
        }
        Account account = accounts.get(0);
        return tokens.issue(account.id(), account.role(), company.id(), email);
    }

    /** Always one hash verification, whether or not the login exists. */
    private boolean verified(String password, Optional<String> storedHash) {
        return storedHash.map(hash -> passwords.matches(password, hash))
                .orElseGet(() -> passwords.rejectInConstantTime(password));
    }

    private static RuntimeException wrongCredentials() {
        return Problems.unauthorized("Wrong email, password or company.");
    }
}
