package com.estatedesk.feature.people;

import com.estatedesk.feature.people.model.Person;
import com.estatedesk.feature.people.model.PersonKind;
import com.estatedesk.platform.security.AccountEmailChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A person's email is their login's: when its owner confirms a new one, the marketer or client behind
 * the login shows it too, in the same transaction (and under the same company).
 */
@ApplicationScoped
public class LoginEmailFollower {

    @PersistenceContext
    EntityManager em;

    void follow(@Observes AccountEmailChanged change) {
        for (PersonKind kind : PersonKind.values()) {
            em.createQuery("select p from " + kind.entityName() + " p where p.accountId = :account", kind.entityClass())
                    .setParameter("account", change.accountId())
                    .getResultList()
                    .forEach(person -> ((Person) person).followLoginEmail(change.newEmail()));
        }
    }
}
