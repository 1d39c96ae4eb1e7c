package com.estatedesk.feature.people;

import com.estatedesk.feature.people.model.Person;
import com.estatedesk.feature.people.model.PersonKind;
import com.estatedesk.infra.identity.Caller;
import com.estatedesk.platform.tenancy.Company;
import com.estatedesk.platform.tenancy.CompanyScoped;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Resolves a company caller's company and, for marketers and clients, their person record. */
@Stateless
@CompanyScoped
public class CallerProfile {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Tenancy tenancy;

    public MeView describeCaller() {
        Company company = em.find(Company.class, tenancy.boundCompany());
        MeView.CompanyRef ref = new MeView.CompanyRef(company.id(), company.name(), company.slug(), company.prefix());
        PersonKind kind = switch (caller.role()) {
            case MARKETER -> PersonKind.MARKETER;
            case CLIENT -> PersonKind.CLIENT;
            default -> null;
        };
        if (kind == null) {
            String name = em
                    .createQuery("select a.displayName from Account a where a.id = :account", String.class)
                    .setParameter("account", caller.accountId())
                    .getResultList()
                    .stream()
                    .findFirst()
                    .orElse(null);
            return new MeView(caller.accountId(), caller.role().name(), name, ref, null, null);
        }
        List<Person> person = em.createQuery(
                        "select p from " + kind.entityName() + " p where p.accountId = :account", Person.class)
                .setParameter("account", caller.accountId())
                .getResultList();
        return new MeView(
                caller.accountId(),
                caller.role().name(),
                person.isEmpty() ? null : person.get(0).name(),
                ref,
                person.isEmpty() ? null : person.get(0).id(),
                person.isEmpty() ? null : person.get(0).uid());
    }
}
