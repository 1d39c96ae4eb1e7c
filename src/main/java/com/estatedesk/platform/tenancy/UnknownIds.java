package com.estatedesk.platform.tenancy;

import com.estatedesk.infra.async.BoundedHandOff;
import com.estatedesk.infra.database.Database;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A request named an id its company does not have ({@link CompanyRows} counts it). On PostgreSQL it
 * is handed to {@code note_unknown_id}, which writes down for
 * operators, as the owner, when the id is another company's (table cross_company_attempt). Nothing
 * answers that question at request time: whoever holds the application role learns nothing about other
 * companies. The note is written after the request, in its own transaction: the request's own rolls back
 * with its 404, and the caller's answer and timing do not wait for a write that happens only for a
 * foreign id.
 */
@Stateless
public class UnknownIds {

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    @Inject
    Tenancy tenancy;

    /**
     * At most this many notes wait for the container's asynchronous executor at once. A flood of guessed
     * ids beyond it is still counted (estatedesk_unknown_id_lookups_total, and its alert) but not noted
     * one by one, so that guessing cannot grow a queue in the service's memory.
     */
    static final BoundedHandOff WAITING = new BoundedHandOff(64);

    /** Hands the note over when there is room; the caller's answer never waits either way. */
    static void noteIfRoom(UnknownIds bean, long callerCompany, String table, long id) {
        WAITING.offer(() -> bean.note(callerCompany, table, id));
    }

    @Asynchronous
    public void note(long callerCompany, String table, long id) {
        try {
            if (database.isPostgreSql()) {
                tenancy.bindToTransaction(callerCompany);
                em.createNativeQuery("select note_unknown_id(?1, ?2)")
                        .setParameter(1, table)
                        .setParameter(2, id)
                        .setHint(Tenancy.NATIVE_SQL_HINT, true)
                        .getSingleResult();
            }
        } finally {
            WAITING.done();
        }
    }
}
