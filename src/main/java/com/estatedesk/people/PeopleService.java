package com.estatedesk.people;

import com.estatedesk.paging.Page;
import com.estatedesk.paging.PageRequest;
import com.estatedesk.problem.Problems;
import com.estatedesk.query.Jpql;
import com.estatedesk.query.Jpql.Condition;
import com.estatedesk.security.Account;
import com.estatedesk.security.Revocations;
import com.estatedesk.tenancy.CompanyRows;
import com.estatedesk.tenancy.CompanyScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading and changing the marketers and clients of the caller's company, as far as the caller sees
 * them ({@link Visibility}). Registering them is {@link RegistrationService}'s.
 */
@Stateless
@CompanyScoped
public class PeopleService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CompanyRows rows;

    @Inject
    Revocations revocations;

    @Inject
    Visibility visibility;

    public PersonView find(PersonKind kind, long id) {
        return PersonView.of(visible(kind, id));
    }

    public Page<PersonView> list(PersonKind kind, PageRequest page, String query) {
        Jpql select = Jpql.select("select p from " + kind.entityName() + " p")
                .and("p.number > :after", "after", page.after())
                .and(visibility.of(kind, "p"));
        if (query != null && !query.isBlank()) {
            String q = escapeLike(query.trim());
            select.and(new Condition(
                    "lower(p.name) like :contains escape '\\' or p.email like :contains escape '\\'"
                            + " or p.uid like :uidPrefix escape '\\'",
                    Map.of(
                            "contains",
                            "%" + q.toLowerCase(Locale.ROOT) + "%",
                            "uidPrefix",
                            q.toUpperCase(Locale.ROOT) + "%")));
        }
        List<? extends Person> found = select.query(em, "p.number", kind.entityClass())
                .setMaxResults(page.limit() + 1)
                .getResultList();
        return Page.of(found, page, Person::number, PersonView::of);
    }

    /** Name, phone, status. Deactivating a person ends their login: no new tokens, and the issued ones stop working. */
    public PersonView change(PersonKind kind, long id, PersonChanges changes) {
        Person person = visible(kind, id);
        changes.applyTo(person);
        if (changes.status().isPresent() && person.accountId() != null) {
            Account account = em.find(Account.class, person.accountId());
            boolean wasActive = account.isActive();
            account.setActive(person.status() == PersonStatus.ACTIVE);
            if (wasActive && !account.isActive()) {
                revocations.revokeAccount(account.id(), account.tokenGeneration());
            }
        }
        return PersonView.of(person);
    }

    /** The person if the caller may see it; otherwise exactly the answer for an id that does not exist. */
    private Person visible(PersonKind kind, long id) {
        List<? extends Person> found = Jpql.select("select p from " + kind.entityName() + " p")
                .and("p.id = :id", "id", id)
                .and(visibility.of(kind, "p"))
                .query(em, "p.id", kind.entityClass())
                .getResultList();
        if (found.isEmpty()) {
            rows.noteUnknown(kind.entityClass(), id);
            throw Problems.notFound(kind.label());
        }
        return found.get(0);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
