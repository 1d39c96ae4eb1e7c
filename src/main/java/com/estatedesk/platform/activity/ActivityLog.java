package com.estatedesk.platform.activity;

import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.identity.Role;
import com.estatedesk.platform.activity.ActivityView.Actor;
import com.estatedesk.platform.activity.ActivityView.Subject;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way a write is recorded: in the write's own transaction (it commits or rolls back with it),
 * under the company bound to that transaction, as the caller. Labels and details say what a person
 * reads (names, UIDs); never a password, token or hash.
 */
@ApplicationScoped
public class ActivityLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Tenancy tenancy;

    /** By the authenticated caller, in the company bound to the transaction. */
    public void record(String action, Subject subject, String detail) {
        write(callerActor(), action, subject, detail);
    }

    /** By a login that is not the request's caller yet (a login, a link followed), in its company (bound here). */
    public void recordAs(long companyId, long accountId, String action, Subject subject, String detail) {
        tenancy.bindToTransaction(companyId);
        write(accountActor(accountId), action, subject, detail);
    }

    /** By someone who is no login (an unknown email throttled), in the company bound to the transaction. */
    public void recordBy(Actor actor, String action, Subject subject, String detail) {
        write(actor, action, subject, detail);
    }

    private void write(Actor actor, String action, Subject subject, String detail) {
        em.persist(new Activity(actor, action, subject, detail));
    }

    /**
     * Who each login is, for a minute: a write costs no lookup of its author while the author keeps writing.
     * (A person renamed shows under the new name within a minute; UIDs never change.)
     */
    private static final Duration REMEMBERED = Duration.ofMinutes(1);

    private static final int MOST_REMEMBERED = 10_000;

    private record Remembered(Actor actor, long until) {}

    private final Map<String, Remembered> actors = new ConcurrentHashMap<>();

    /** A write no request asked for (start-up, a scheduled chore, an in-container test). */
    private static final Actor SYSTEM = new Actor(0, null, "EstateDesk itself", "SYSTEM");

    private Actor callerActor() {
        if (!caller.isAuthenticated()) {
            return SYSTEM;
        }
        String key = caller.role() + ":" + caller.accountId();
        long now = System.nanoTime();
        Remembered known = actors.get(key);
        if (known != null && known.until() - now > 0) {
            return known.actor();
        }
        if (actors.size() >= MOST_REMEMBERED) {
            actors.clear(); // bounded: a crowd of authors starts the memory afresh
        }
        Actor actor = lookUpCaller();
        actors.put(key, new Remembered(actor, now + REMEMBERED.toNanos()));
        return actor;
    }

    private Actor lookUpCaller() {
        if (caller.role() == Role.PLATFORM_ADMIN) {
            Object email = em.createNativeQuery("select email from platform_admin where id = ?1")
                    .setParameter(1, caller.accountId())
                    .setHint(Tenancy.NATIVE_SQL_HINT, true)
                    .getSingleResult();
            return new Actor(caller.accountId(), null, "Platform operator " + email, Role.PLATFORM_ADMIN.name());
        }
        return accountActor(caller.accountId());
    }

    /** The login's name and role, and its person's UID: one indexed read, in the bound company. */
    private Actor accountActor(long accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.display_name, a.role,"
                        + " (select m.uid from marketer m where m.company_id = a.company_id and m.account_id = a.id),"
                        + " (select c.uid from client c where c.company_id = a.company_id and c.account_id = a.id)"
                        + " from account a where a.id = ?1 and a.company_id = ?2")
                .setParameter(1, accountId)
                .setParameter(2, tenancy.boundCompany())
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .getResultList();
        if (rows.isEmpty()) {
            return new Actor(accountId, null, "unknown", "UNKNOWN");
        }
        Object[] row = rows.get(0);
        String uid = row[2] != null ? (String) row[2] : (String) row[3];
        return new Actor(accountId, uid, (String) row[0], (String) row[1]);
    }
}
