package com.estatedesk.feature.registration;

import com.estatedesk.feature.people.model.InvitedPersonView;
import com.estatedesk.feature.people.model.LoginState;
import com.estatedesk.feature.people.model.Person;
import com.estatedesk.feature.people.model.PersonKind;
import com.estatedesk.feature.people.model.PersonView;
import com.estatedesk.feature.registration.QueuedRegistration.Outcome;
import com.estatedesk.feature.registration.QueuedRegistration.Refused;
import com.estatedesk.feature.registration.QueuedRegistration.Written;
import com.estatedesk.infra.identity.Emails;
import com.estatedesk.infra.problem.Conflict;
import com.estatedesk.infra.problem.Problem;
import com.estatedesk.infra.problem.ProblemException;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.platform.activity.ActivityLog;
import com.estatedesk.platform.activity.ActivityView;
import com.estatedesk.platform.idempotency.IdempotencyStore;
import com.estatedesk.platform.idempotency.Idempotent;
import com.estatedesk.platform.idempotency.IdempotentWrites;
import com.estatedesk.platform.security.Account;
import com.estatedesk.platform.security.AccountService;
import com.estatedesk.platform.security.Passwords;
import com.estatedesk.platform.sequence.SequenceAllocator;
import com.estatedesk.platform.sequence.SequenceKey;
import com.estatedesk.platform.sequence.Uids;
import com.estatedesk.platform.tenancy.CompanyPrefixes;
import com.estatedesk.platform.tenancy.CompanyScoped;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Registering the marketers and clients of the caller's company: one at a time, a queued batch, or a
 * CSV import. Each takes its numbers from {@link SequenceAllocator} in the transaction that inserts.
 */
@Stateless
@CompanyScoped
public class RegistrationService {

    private static final Logger LOG = Logger.getLogger(RegistrationService.class.getName());
    private static final int IMPORT_FLUSH_ROWS = 2000;

    @PersistenceContext
    EntityManager em;

    @EJB
    SequenceAllocator sequences;

    @Inject
    CompanyPrefixes prefixes;

    @Inject
    Tenancy tenancy;

    @Inject
    Passwords passwords;

    @Inject
    IdempotencyStore idempotency;

    @EJB
    AccountService accounts;

    @Inject
    ActivityLog activity;

    /**
     * Registers a person with the company's next number. Everything that can fail on its own (email
     * taken, login account) happens before the sequence lock is taken; the lock is the last step
     * before the insert and is held only until commit.
     */
    @Idempotent
    public PersonView register(PersonKind kind, NewPerson request) {
        requirePasswordOrInvitation(request);
        String email = Emails.normalize(request.email());
        Long accountId = null;
        if (request.password() != null) {
            // A login costs a password hash and an insert: refuse a taken email before paying for them.
            requireEmailFree(kind, email);
            accountId = openLogin(kind, request.name().trim(), email, request.password())
                    .id();
        }
        // Without a login, a taken email is refused by the unique constraint at commit with the same 409
        // (FailureClassifier); the transaction rolls back, so the number it had taken is not lost. One
        // query fewer on every registration.
        String prefix = prefixes.of(tenancy.boundCompany());
        Person person = persistNew(kind, prefix, sequences.next(kind.sequenceKey()), request, email, accountId);
        activity.record("REGISTERED", kind.subject(person), accountId == null ? null : "with a password");
        LOG.fine(() -> "Registered " + kind.label() + " " + person.uid());
        return PersonView.of(person, accountId == null ? LoginState.NONE : LoginState.ACTIVE);
    }

    /**
     * Registers a person with a login that has no password yet, and an invitation to choose it: the
     * admin passes the link on (or the service emails it) and never learns the password.
     */
    @Idempotent
    public InvitedPersonView registerInvited(PersonKind kind, NewPerson request) {
        requirePasswordOrInvitation(request);
        String email = Emails.normalize(request.email());
        requireEmailFree(kind, email);
        Account account = openLogin(kind, request.name().trim(), email, null);
        String prefix = prefixes.of(tenancy.boundCompany());
        Person person = persistNew(kind, prefix, sequences.next(kind.sequenceKey()), request, email, account.id());
        activity.record("REGISTERED", kind.subject(person), "invited to sign in");
        return InvitedPersonView.of(person, accounts.invite(account));
    }

    private static void requirePasswordOrInvitation(NewPerson request) {
        if (request.password() != null && request.wantsInvitation()) {
            throw Problems.invalid(
                    "invite", "Either a password or \"invite\": true: an invited person chooses their own password.");
        }
    }

    /**
     * Writes several password-less registrations of one kind in one transaction, for
     * {@link RegistrationLanes}: one lock, one block of numbers, in the order given. Returns, for each
     * registration in order, what became of it: written (or replayed for its Idempotency-Key), or
     * refused on its own (key in use or used for another request, email taken), which creates nothing
     * and takes no number. Any other failure rolls back the whole batch.
     */
    public List<Outcome> registerAll(PersonKind kind, List<QueuedRegistration> batch) {
        Outcome[] outcomes = new Outcome[batch.size()];
        IdempotentWrites<PersonView> writes = idempotency.writes(PersonView.class);
        List<String> emails = batch.stream()
                .map(queued -> Emails.normalize(queued.request().email()))
                .toList();
        Set<String> taken = emailsInUse(kind, emails);
        List<Integer> toCreate = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                Optional<PersonView> previous = writes.replay(batch.get(i).claim());
                if (previous.isPresent()) {
                    outcomes[i] = new Written(previous.get());
                    continue;
                }
                if (!taken.add(emails.get(i))) {
                    throw kind.emailConflict().problem();
                }
                toCreate.add(i);
            } catch (ProblemException answer) {
                outcomes[i] = new Refused(answer);
            }
        }
        if (!toCreate.isEmpty()) {
            String prefix = prefixes.of(tenancy.boundCompany());
            long first = sequences.nextBlock(kind.sequenceKey(), toCreate.size());
            List<PersonView> created = new ArrayList<>();
            for (int n = 0; n < toCreate.size(); n++) {
                int i = toCreate.get(n);
                Person person = persistNew(kind, prefix, first + n, batch.get(i).request(), emails.get(i), null);
                activity.record("REGISTERED", kind.subject(person), null);
                created.add(PersonView.of(person, LoginState.NONE));
            }
            for (int n = 0; n < toCreate.size(); n++) {
                int i = toCreate.get(n);
                outcomes[i] = new Written(created.get(n));
                writes.answered(batch.get(i).claim(), created.get(n));
            }
            writes.remember();
            LOG.fine(() -> "Registered " + toCreate.size() + " " + kind.label() + "s together from number " + first);
        }
        return Arrays.asList(outcomes);
    }

    private Person persistNew(
            PersonKind kind, String prefix, long number, NewPerson request, String email, Long accountId) {
        Person person = kind.newPerson();
        person.register(
                Uids.format(prefix, kind.sequenceKey(), number),
                number,
                request.name().trim(),
                email,
                blankToNull(request.phone()),
                accountId);
        em.persist(person);
        return person;
    }

    /**
     * Which of these (normalized) emails the company's people of this kind already have: one array
     * parameter joined to the (company_id, email) index. Not {@code email in (...)} nor
     * {@code email = any(?)}: PgJDBC prepares a repeated statement on the server, and a plan cached
     * while the table was small (or before it had statistics) kept scanning the whole company and
     * comparing every row with every email, so the check grew with the company (5.2 s for 10 000
     * emails at 50 000 clients). As a join its worst plan is one hash of the company's emails (27 ms
     * there); with statistics it is one index probe per email. Native, so it names the company
     * itself; row-level security checks it again.
     */
    @SuppressWarnings("unchecked")
    private Set<String> emailsInUse(PersonKind kind, List<String> emails) {
        return new HashSet<>(em.createNativeQuery("select p.email from unnest(?2) as given(email) join "
                        + kind.sequenceKey().numberedTable() + " p on p.company_id = ?1 and p.email = given.email")
                .setParameter(1, tenancy.boundCompany())
                .setParameter(2, emails.toArray(String[]::new))
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .getResultList());
    }

    private void requireEmailFree(PersonKind kind, String email) {
        if (!emailsInUse(kind, List.of(email)).isEmpty()) {
            throw kind.emailConflict().problem();
        }
    }

    /**
     * Registers many clients in one transaction: every row is checked first (including emails already
     * in the company); then one lock and one sequence update take the whole block of numbers. All rows
     * or none.
     */
    public ImportResult importClients(ClientCsv.Rows csv) {
        List<NewPerson> rows = csv.people();
        List<String> emails = rows.stream()
                .map(row -> row.email() == null ? "" : Emails.normalize(row.email()))
                .toList();
        Set<String> taken = emailsInUse(PersonKind.CLIENT, emails);
        // The rows' own errors and the clients that exist already, in one answer.
        List<Problem.FieldError> errors = new ArrayList<>(csv.errors());
        for (int i = 0; i < emails.size(); i++) {
            if (taken.contains(emails.get(i))) {
                errors.add(new Problem.FieldError(
                        "row " + csv.rowNumbers().get(i) + ": email", "is already a client of the company"));
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
        activity.record(
                "IMPORTED",
                new ActivityView.Subject(
                        "clients",
                        null,
                        rows.size() + " clients, "
                                + Uids.format(prefix, SequenceKey.CLT, first) + " to "
                                + Uids.format(prefix, SequenceKey.CLT, first + rows.size() - 1)),
                "from a CSV file");
        return new ImportResult(
                rows.size(),
                Uids.format(prefix, SequenceKey.CLT, first),
                Uids.format(prefix, SequenceKey.CLT, first + rows.size() - 1));
    }

    /**
     * A login for a person of the company (409 when its email has one already); without a password it is
     * an invited login, whose person chooses the password from an invitation.
     */
    public Account openLogin(PersonKind kind, String name, String email, String password) {
        if (!em.createNamedQuery(Account.BY_EMAIL)
                .setParameter("email", email)
                .getResultList()
                .isEmpty()) {
            throw Conflict.ACCOUNT_EMAIL.problem();
        }
        Account account = password == null
                ? Account.invited(email, name, kind.loginRole())
                : new Account(email, name, passwords.hash(password), kind.loginRole());
        em.persist(account);
        em.flush(); // before the sequence lock, so that the lock is not held while the account is written
        return account;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
