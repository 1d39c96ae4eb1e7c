package com.estatedesk.platform.tenancy;

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

    @Asynchronous
    public void note(long callerCompany, String table, long id) {
        if (database.isPostgreSql()) {
            tenancy.bindToTransaction(callerCompany);
            em.createNativeQuery("select note_unknown_id(?1, ?2)")
                    .setParameter(1, table)
                    .setParameter(2, id)
                    .setHint(Tenancy.NATIVE_SQL_HINT, true)
                    .getSingleResult();
        }
    }
}
