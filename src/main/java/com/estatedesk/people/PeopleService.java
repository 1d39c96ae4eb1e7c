package com.estatedesk.people;

import com.estatedesk.company.CompanyPrefixes;
import com.estatedesk.paging.Page;
import com.estatedesk.paging.PageRequest;
import com.estatedesk.problem.Problems;
import com.estatedesk.security.Account;
import com.estatedesk.security.Caller;
import com.estatedesk.security.Passwords;
import com.estatedesk.security.Revocations;
import com.estatedesk.problem.Problem;
import com.estatedesk.problem.ProblemException;
import com.estatedesk.idempotency.IdempotencyClaim;
import com.estatedesk.idempotency.IdempotencyStore;
import com.estatedesk.sequence.SequenceAllocator;
import com.estatedesk.sequence.SequenceKey;
import com.estatedesk.sequence.Uids;
import com.estatedesk.tenancy.CompanyRows;
import com.estatedesk.tenancy.CompanyScoped;
import com.estatedesk.tenancy.Tenancy;
import com.estatedesk.idempotency.Idempotent;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/** Registering, reading and changing the marketers and clients of the caller's company. */
@Stateless
@CompanyScoped
public class PeopleService {

    private static final Logger LOG = Logger.getLogger(PeopleService.class.getName());
    private static final int IMPORT_FLUSH_ROWS = 2000;

    @PersistenceContext
    EntityManager em;

    @EJB
    SequenceAllocator sequences;

    @Inject
    CompanyRows rows;

    @Inject
    CompanyPrefixes prefixes;

    @Inject
    Tenancy tenancy;

    @Inject
    Passwords passwords;

    @Inject
    Revocations revocations;

    @Inject
    Caller caller;

    @Inject
    IdempotencyStore idempotency;

    /**
     * Registers a person with the company's next number. Everything that can fail on its own (email
     * taken, login account) happens before the sequence lock is taken; the lock is the last step
     * before the insert and is held only until commit.
     */
    @Idempotent
    public PersonView register(PersonKind kind, NewPerson request) {
        String email = normalizeEmail(request.email());
        Long accountId = null;
        if (request.password() != null) {
            // A login costs a password hash and an insert: refuse a taken email before paying for them.
            requireEmailFree(kind, email);
            accountId = createLogin(kind, request.name().trim(), email, request.password());
        }
        // Without a login, a taken email is refused by the unique constraint at commit with the same 409
        // (FailureClassifier); the transaction rolls back, so the number it had taken is not lost. One
        // query fewer on every registration.
        String prefix = prefixes.of(tenancy.boundCompany());
        Person person = persistNew(kind, prefix, sequences.next(kind.sequenceKey()), request, email, accountId);
        LOG.fine(() -> "Registered " + kind.label() + " " + person.uid());
        return PersonView.of(person);
    }

    /**
     * Writes several password-less registrations of one kind in one transaction, for
     * {@link RegistrationLanes}: one lock, one block of numbers, in the order given. Returns, for each
     * registration in order, its PersonView or the ProblemException that answers it alone (its
     * Idempotency-Key is in use or was used for another request, its email is taken); those create
     * nothing and take no number. Any other failure rolls back the whole batch.
     */
    public List<Object> registerAll(PersonKind kind, List<QueuedRegistration> batch) {
        Object[] answers = new Object[batch.size()];
        List<String> emails = batch.stream().map(queued -> normalizeEmail(queued.request().email())).toList();
        Set<String> taken = emailsInUse(kind, emails);
        Set<String> claims = new HashSet<>();
        List<Integer> toCreate = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            IdempotencyClaim claim = batch.get(i).claim();
            try {
                if (claim != null) {
                    if (!claims.add(claim.identity())) {
                        throw IdempotencyStore.inProgress(); // the same key twice in one batch
                    }
                    Optional<Object> previous = idempotency.previousAnswer(claim, PersonView.class);
                    if (previous.isPresent()) {
                        answers[i] = previous.get();
                        continue;
                    }
                }
                if (!taken.add(emails.get(i))) {
                    throw emailTaken(kind);
                }
                toCreate.add(i);
            } catch (ProblemException answer) {
                answers[i] = answer;
            }
        }
        if (!toCreate.isEmpty()) {
            String prefix = prefixes.of(tenancy.boundCompany());
            long first = sequences.nextBlock(kind.sequenceKey(), toCreate.size());
            List<PersonView> created = new ArrayList<>();
            for (int n = 0; n < toCreate.size(); n++) {
                int i = toCreate.get(n);
                created.add(PersonView.of(persistNew(kind, prefix, first + n, batch.get(i).request(), emails.get(i), null)));
            }
            Map<IdempotencyClaim, PersonView> keyed = new LinkedHashMap<>();
            for (int n = 0; n < toCreate.size(); n++) {
                int i = toCreate.get(n);
                answers[i] = created.get(n);
                if (batch.get(i).claim() != null) {
                    keyed.put(batch.get(i).claim(), created.get(n));
                }
            }
            idempotency.rememberAll(keyed);
            LOG.fine(() -> "Registered " + toCreate.size() + " " + kind.label() + "s together from number " + first);
        }
        return Arrays.asList(answers);
    }

    private Person persistNew(PersonKind kind, String prefix, long number, NewPerson request, String email, Long accountId) {
        Person person = kind.newPerson();
        person.register(Uids.format(prefix, kind.sequenceKey(), number), number, request.name().trim(), email,
                blankToNull(request.phone()), accountId);
        em.persist(person);
        return person;
    }

    /** Which of these (normalized) emails the company's people of this kind already have; 1 000 per query. */
    private Set<String> emailsInUse(PersonKind kind, List<String> emails) {
        Set<String> taken = new HashSet<>();
        for (int from = 0; from < emails.size(); from += 1000) {
            taken.addAll(em.createQuery("select p.email from " + kind.entityName() + " p where p.email in :emails", String.class)
                    .setParameter("emails", emails.subList(from, Math.min(emails.size(), from + 1000))).getResultList());
        }
        return taken;
    }

    private static ProblemException emailTaken(PersonKind kind) {
        return Problems.conflict("A " + kind.label() + " with this email already exists in the company.");
    }

    private void requireEmailFree(PersonKind kind, String email) {
        if (!em.createQuery("select p.id from " + kind.entityName() + " p where p.email = :email")
                .setParameter("email", email).setMaxResults(1).getResultList().isEmpty()) {
            throw emailTaken(kind);
        }
    }

    /**
     * Registers many clients in one transaction: every row is checked first (including emails already
     * in the company); then one lock and one sequence update take the whole block of numbers. All rows
     * or none.
     */
    public ImportResult importClients(List<NewPerson> rows) {
        List<String> emails = rows.stream().map(row -> normalizeEmail(row.email())).toList();
        Set<String> taken = emailsInUse(PersonKind.CLIENT, emails);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            if (taken.contains(emails.get(i))) {
                errors.add(new Problem.FieldError("row " + (i + 2) + ": email", "is already a client of the company"));
            }
        }
        ClientCsv.report(errors);

        String prefix = prefixes.of(tenancy.boundCompany());
        long first = sequences.nextBlock(SequenceKey.CLT, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            persistNew(PersonKind.CLIENT, prefix, first + i, rows.get(i), emails.get(i), null);
            if ((i + 1) % IMPORT_FLUSH_ROWS == 0) {
                // Bounded memory: written (batched INSERTs, same transaction) and let go of, every few thousand rows.
                em.flush();
                em.clear();
            }
        }
        LOG.info(() -> "Imported " + rows.size() + " clients, numbers " + first + ".." + (first + rows.size() - 1));
        return new ImportResult(rows.size(), Uids.format(prefix, SequenceKey.CLT, first),
                Uids.format(prefix, SequenceKey.CLT, first + rows.size() - 1));
    }

    public PersonView find(PersonKind kind, long id) {
        return PersonView.of(visible(kind, id));
    }

    public Page<PersonView> list(PersonKind kind, PageRequest page, String query) {
        StringBuilder jpql = new StringBuilder("select p from " + kind.entityName() + " p where p.number > :after");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("after", page.after());
        restrictToVisible(kind, jpql, parameters);
        if (query != null && !query.isBlank()) {
            String q = escapeLike(query.trim());
            jpql.append(" and (lower(p.name) like :contains escape '\\' or p.email like :contains escape '\\'"
                    + " or p.uid like :uidPrefix escape '\\')");
            parameters.put("contains", "%" + q.toLowerCase(Locale.ROOT) + "%");
            parameters.put("uidPrefix", q.toUpperCase(Locale.ROOT) + "%");
        }
        jpql.append(" order by p.number");
        TypedQuery<Person> select = em.createQuery(jpql.toString(), Person.class).setMaxResults(page.limit() + 1);
        parameters.forEach(select::setParameter);
        return Page.of(select.getResultList(), page, Person::number, PersonView::of);
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

    private Long createLogin(PersonKind kind, String name, String email, String password) {
        if (!em.createNamedQuery(Account.BY_EMAIL).setParameter("email", email).getResultList().isEmpty()) {
            throw Problems.conflict("An account with this email already exists in the company.");
        }
        Account account = new Account(email, name, passwords.hash(password), kind.loginRole());
        em.persist(account);
        em.flush(); // before the sequence lock, so that the lock is not held while the account is written
        return account.id();
    }

    /** The person if the caller may see it; otherwise exactly the answer for an id that does not exist. */
    private Person visible(PersonKind kind, long id) {
        StringBuilder jpql = new StringBuilder("select p from " + kind.entityName() + " p where p.id = :id");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        restrictToVisible(kind, jpql, parameters);
        TypedQuery<Person> select = em.createQuery(jpql.toString(), Person.class);
        parameters.forEach(select::setParameter);
        List<Person> found = select.getResultList();
        if (found.isEmpty()) {
            rows.noteIfForeign(kind.entityClass(), id);
            throw Problems.notFound(kind.label());
        }
        return found.get(0);
    }

    /**
     * Company admins see everyone of their company (the tenant filter already limits it to the
     * company); a client sees only itself; a marketer sees marketers, and the clients assigned to it.
     */
    private void restrictToVisible(PersonKind kind, StringBuilder jpql, Map<String, Object> parameters) {
        switch (caller.role()) {
            case COMPANY_ADMIN -> {
            }
            case MARKETER -> {
                if (kind == PersonKind.CLIENT) {
                    jpql.append(" and exists (select a.id from Assignment a, Marketer m"
                            + " where a.clientId = p.id and a.marketerId = m.id and m.accountId = :self)");
                    parameters.put("self", caller.accountId());
                }
            }
            case CLIENT -> {
                jpql.append(" and p.accountId = :self");
                parameters.put("self", caller.accountId());
            }
            default -> jpql.append(" and 1 = 0");
        }
    }

    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
