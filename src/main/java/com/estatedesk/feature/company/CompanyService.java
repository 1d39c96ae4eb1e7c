package com.estatedesk.feature.company;

import com.estatedesk.infra.database.Database;
import com.estatedesk.infra.identity.Emails;
import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.paging.Page;
import com.estatedesk.infra.paging.PageRequest;
import com.estatedesk.infra.problem.Conflict;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.infra.query.Jpql;
import com.estatedesk.infra.query.Jpql.Condition;
import com.estatedesk.platform.activity.ActivityLog;
import com.estatedesk.platform.activity.ActivityView;
import com.estatedesk.platform.idempotency.Idempotent;
import com.estatedesk.platform.security.Account;
import com.estatedesk.platform.security.Passwords;
import com.estatedesk.platform.security.Revocations;
import com.estatedesk.platform.sequence.SequenceAllocator;
import com.estatedesk.platform.tenancy.Company;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** The platform admin's side: creating, reading and renaming companies. */
@Stateless
public class CompanyService {

    private static final Logger LOG = Logger.getLogger(CompanyService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    ActivityLog activity;

    @EJB
    SequenceAllocator sequences;

    @Inject
    Passwords passwords;

    @Inject
    Database database;

    @Inject
    Revocations revocations;

    /**
     * Creates the company, its first admin account and its sequences in one transaction: all of it
     * exists afterwards, or none of it.
     */
    @Idempotent
    public CompanyView createCompany(NewCompany request) {
        String adminPasswordHash = passwords.hash(request.admin().password());
        String name = request.name().trim();
        serializeNaming();
        if (!em.createNamedQuery(Company.BY_NAME_KEY)
                .setParameter("nameKey", Company.nameKey(name))
                .getResultList()
                .isEmpty()) {
            throw Conflict.COMPANY_NAME.problem();
        }
        Company company = new Company(name, freeSlug(name), choosePrefix(name, request.prefix()));
        em.persist(company);
        em.flush();

        // The new company is the tenant of the rest of this transaction: its admin and sequences.
        tenancy.bindToTransaction(company.id());
        em.persist(new Account(
                Emails.normalize(request.admin().email()),
                request.admin().name().trim(),
                adminPasswordHash,
                Role.COMPANY_ADMIN));
        sequences.openSequencesOfNewCompany();
        activity.record("CREATED", subject(company), "prefix " + company.prefix() + ", sign-in name " + company.slug());
        LOG.info(
                () -> "Created company " + company.id() + " (" + company.slug() + ", prefix " + company.prefix() + ")");
        return CompanyView.of(company);
    }

    /** What {@link #createCompany} would choose for this name now, without an explicit prefix. */
    public PrefixPreview previewPrefix(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw Problems.invalid("name", "is required, at most 200 characters");
        }
        return new PrefixPreview(name.trim(), choosePrefix(name.trim(), null));
    }

    public CompanyView find(long id) {
        return CompanyView.of(existing(id));
    }

    /**
     * {@code query}: a substring of the name, or a prefix of the slug or the company prefix,
     * case-insensitive. {@code newestFirst}: the last created first (the cursor then counts down).
     */
    public Page<CompanyView> list(PageRequest page, String query, boolean newestFirst) {
        Jpql select = Jpql.select("select c from Company c");
        if (page.after() > 0) {
            select.and(newestFirst ? "c.id < :after" : "c.id > :after", "after", page.after());
        }
        if (query != null && !query.isBlank()) {
            String q = Jpql.likeLiteral(query.trim().toLowerCase(Locale.ROOT));
            select.and(new Condition(
                    "lower(c.name) like :contains escape '\\' or c.slug like :start escape '\\'"
                            + " or lower(c.prefix) like :start escape '\\'",
                    Map.of("contains", "%" + q + "%", "start", q + "%")));
        }
        List<Company> rows = select.query(em, newestFirst ? "c.id desc" : "c.id", Company.class)
                .setMaxResults(page.limit() + 1)
                .getResultList();
        return Page.of(rows, page, Company::id, CompanyView::of);
    }

    /**
     * Renames and/or suspends or re-activates a company. Its slug and prefix stay: logins and issued uids
     * depend on them. Suspending ends every token of the company on every instance.
     */
    public CompanyView change(long id, CompanyChanges changes) {
        Company company = existing(id);
        // The platform admin's change is the company's history: written under that company.
        tenancy.bindToTransaction(company.id());
        changes.name().ifPresent(name -> {
            String before = company.name();
            rename(company, name);
            activity.record("RENAMED", subject(company), "was " + before);
        });
        changes.status().ifPresent(status -> {
            boolean wasActive = company.isActive();
            company.changeStatus(status);
            writeStatus(company);
            if (wasActive != company.isActive()) {
                activity.record(company.isActive() ? "REACTIVATED" : "SUSPENDED", subject(company), null);
            }
            if (wasActive && !company.isActive()) {
                revocations.revokeCompany(company.id(), company.tokenGeneration());
                LOG.info(() -> "Suspended company " + company.id());
            }
        });
        return CompanyView.of(company);
    }

    /**
     * The status (and the generation a suspension raises) is not written by JPA: on PostgreSQL the
     * application role may change it only through set_company_status (V5_4), which computes both as
     * {@link Company#changeStatus} did in memory. The H2 demo writes the same values directly.
     */
    private void writeStatus(Company company) {
        if (database.isPostgreSql()) {
            em.createNativeQuery("select set_company_status(?1, ?2)")
                    .setParameter(1, company.id())
                    .setParameter(2, company.status().name())
                    .setHint(Tenancy.NATIVE_SQL_HINT, true)
                    .getSingleResult();
        } else {
            em.createNativeQuery("update company set status = ?2, token_generation = ?3 where id = ?1")
                    .setParameter(1, company.id())
                    .setParameter(2, company.status().name())
                    .setParameter(3, company.tokenGeneration())
                    .setHint(Tenancy.NATIVE_SQL_HINT, true)
                    .executeUpdate();
        }
    }

    private void rename(Company company, String name) {
        serializeNaming();
        List<Company> sameName = em.createNamedQuery(Company.BY_NAME_KEY, Company.class)
                .setParameter("nameKey", Company.nameKey(name))
                .getResultList();
        if (sameName.stream().anyMatch(other -> !other.id().equals(company.id()))) {
            throw Conflict.COMPANY_NAME.problem();
        }
        company.rename(name);
    }

    /** Repairs a company's sequences after data was loaded from elsewhere: at least the highest number used. */
    public SequencesView backfillSequences(long companyId) {
        Company company = existing(companyId);
        tenancy.bindToTransaction(company.id());
        SequencesView backfilled = new SequencesView(sequences.backfill().stream()
                .map(sequence -> new SequencesView.Sequence(sequence.key(), sequence.lastValue()))
                .toList());
        activity.record(
                "SEQUENCES_BACKFILLED",
                subject(company),
                backfilled.sequences().stream()
                        .map(sequence -> sequence.key() + " " + sequence.lastValue())
                        .collect(java.util.stream.Collectors.joining(", ")));
        return backfilled;
    }

    private static ActivityView.Subject subject(Company company) {
        return ActivityView.Subject.of("company", company.id(), company.name());
    }

    private Company existing(long id) {
        Company company = em.find(Company.class, id);
        if (company == null) {
            throw Problems.notFound("company");
        }
        return company;
    }

    private String choosePrefix(String name, String explicit) {
        if (explicit != null) {
            if (!prefixesLike(explicit).contains(explicit)) {
                return explicit;
            }
            throw Conflict.COMPANY_PREFIX.problem();
        }
        Optional<String> derived = CompanyNaming.derivePrefix(name);
        if (derived.isEmpty()) {
            throw Problems.invalid("prefix", "is required: the name yields fewer than two letters for a prefix");
        }
        return CompanyNaming.firstFreePrefix(derived.get(), prefixesLike(derived.get()));
    }

    private Set<String> prefixesLike(String stem) {
        return new HashSet<>(em.createNamedQuery(Company.PREFIXES_LIKE, String.class)
                .setParameter("stem", stem + "%")
                .getResultList());
    }

    private String freeSlug(String name) {
        String base = CompanyNaming.deriveSlug(name);
        return CompanyNaming.firstFreeSlug(
                base,
                new HashSet<>(em.createNamedQuery(Company.SLUGS_LIKE, String.class)
                        .setParameter("stem", base + "%")
                        .getResultList()));
    }

    /**
     * Company creation and renaming are rare; they run one at a time, so that two companies whose
     * names give the same prefix get LPL and LPL2 instead of a conflict.
     */
    private void serializeNaming() {
        if (database.isPostgreSql()) {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext('estatedesk.company-naming'))")
                    .setHint(Tenancy.NATIVE_SQL_HINT, true)
                    .getSingleResult();
        }
    }
}
