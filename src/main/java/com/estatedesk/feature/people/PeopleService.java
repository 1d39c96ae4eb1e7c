package com.estatedesk.feature.people;

import com.estatedesk.feature.people.model.InvitedPersonView;
import com.estatedesk.feature.people.model.LoginState;
import com.estatedesk.feature.people.model.Person;
import com.estatedesk.feature.people.model.PersonChanges;
import com.estatedesk.feature.people.model.PersonKind;
import com.estatedesk.feature.people.model.PersonSearch;
import com.estatedesk.feature.people.model.PersonStatus;
import com.estatedesk.feature.people.model.PersonView;
import com.estatedesk.feature.people.model.Visibility;
import com.estatedesk.feature.registration.RegistrationService;
import com.estatedesk.infra.paging.Page;
import com.estatedesk.infra.paging.PageRequest;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.infra.query.Jpql;
import com.estatedesk.platform.activity.ActivityLog;
import com.estatedesk.platform.security.Account;
import com.estatedesk.platform.security.AccountService;
import com.estatedesk.platform.security.Revocations;
import com.estatedesk.platform.tenancy.CompanyRows;
import com.estatedesk.platform.tenancy.CompanyScoped;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    @EJB
    AccountService accounts;

    @EJB
    RegistrationService registrations;

    @Inject
    ActivityLog activity;

    public PersonView find(PersonKind kind, long id) {
        return view(visible(kind, id));
    }

    /**
     * {@code status}: only people in that state; {@code marketerId} (clients only): only the clients
     * assigned to that marketer, none when it is not a marketer of the company.
     */
    public Page<PersonView> list(
            PersonKind kind, PageRequest page, String query, PersonStatus status, Long marketerId) {
        List<? extends Person> found = Jpql.select("select p from " + kind.entityName() + " p")
                .and("p.number > :after", "after", page.after())
                .and(visibility.of(kind, "p"))
                .and(PersonSearch.matching("p", query))
                .andIfPresent("p.status = :status", "status", status)
                .andIfPresent(
                        "p.id in (select fa.clientId from Assignment fa where fa.marketerId = :marketer)",
                        "marketer",
                        marketerId)
                .query(em, "p.number", kind.entityClass())
                .setMaxResults(page.limit() + 1)
                .getResultList();
        Map<Long, Account> logins = loginsOf(found);
        return Page.of(
                found,
                page,
                Person::number,
                person -> PersonView.of(
                        person, LoginState.of(person.accountId() == null ? null : logins.get(person.accountId()))));
    }

    private PersonView view(Person person) {
        return PersonView.of(
                person, LoginState.of(person.accountId() == null ? null : em.find(Account.class, person.accountId())));
    }

    /** The logins of a page of people, in one query (none when nobody on it has one). */
    private Map<Long, Account> loginsOf(List<? extends Person> people) {
        List<Long> ids = people.stream()
                .map(Person::accountId)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a from Account a where a.id in :ids", Account.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(Account::id, account -> account));
    }

    /**
     * An invitation for a person of the company: a new login without a password when they have none, or
     * a fresh link for a login whose invitation is not accepted yet (the earlier link dies). A person who
     * can sign in already is a 409; a deactivated one a 422.
     */
    public InvitedPersonView invite(PersonKind kind, long id) {
        Person person = visible(kind, id);
        if (person.status() != PersonStatus.ACTIVE) {
            throw Problems.unprocessable("id", "This " + kind.label() + " is deactivated: activate them first.");
        }
        Account account;
        if (person.accountId() == null) {
            account = registrations.openLogin(kind, person.name(), person.email(), null);
            person.linkLogin(account.id());
        } else {
            account = em.find(Account.class, person.accountId());
        }
        activity.record("INVITED", kind.subject(person), null);
        return InvitedPersonView.of(person, accounts.invite(account));
    }

    /** Name, phone, status. Deactivating a person ends their login: no new tokens, and the issued ones stop working. */
    public PersonView change(PersonKind kind, long id, PersonChanges changes) {
        Person person = visible(kind, id);
        String before = person.name() + " (" + person.uid() + ")";
        PersonStatus statusBefore = person.status();
        changes.applyTo(person);
        recordChange(kind, person, changes, before, statusBefore);
        if (changes.status().isPresent() && person.accountId() != null) {
            Account account = em.find(Account.class, person.accountId());
            boolean wasActive = account.isActive();
            account.setActive(person.status() == PersonStatus.ACTIVE);
            if (wasActive && !account.isActive()) {
                revocations.revokeAccount(account.id(), account.tokenGeneration());
            }
        }
        return view(person);
    }

    /** One entry per kind of change: a deactivation reads as such, not as "changed". */
    private void recordChange(
            PersonKind kind, Person person, PersonChanges changes, String before, PersonStatus statusBefore) {
        if (changes.status().isPresent() && changes.status().get() != statusBefore) {
            activity.record(
                    changes.status().get() == PersonStatus.ACTIVE ? "REACTIVATED" : "DEACTIVATED",
                    kind.subject(person),
                    null);
        }
        List<String> changed = new java.util.ArrayList<>();
        changes.name().ifPresent(name -> changed.add("name, was " + before));
        changes.phone().ifPresent(phone -> changed.add("phone"));
        if (!changed.isEmpty()) {
            activity.record("CHANGED", kind.subject(person), String.join("; ", changed));
        }
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
}
