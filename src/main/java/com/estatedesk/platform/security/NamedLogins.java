package com.estatedesk.platform.security;

import com.estatedesk.infra.identity.Emails;
import com.estatedesk.platform.tenancy.Company;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * A login named the way a person names it before signing in: a company's slug and an email (the login
 * form, a throttled attempt, a reset request). The company named is the tenant of the lookup and of
 * nothing else.
 */
@ApplicationScoped
public class NamedLogins {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    /** The company, bound to the transaction, and its login with that email (null when it has none). */
    public record Named(Company company, Account account) {}

    /** Empty when no company has the slug. */
    Optional<Named> find(String slug, String email) {
        Optional<Company> company = em.createNamedQuery(Company.BY_SLUG, Company.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
        if (company.isEmpty()) {
            return Optional.empty();
        }
        tenancy.bindToTransaction(company.get().id());
        Account account = em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", Emails.normalize(email))
                .getResultStream()
                .findFirst()
                .orElse(null);
        return Optional.of(new Named(company.get(), account));
    }
}
