package com.estatedesk.platform.security;

import com.estatedesk.infra.async.BoundedHandOff;
import com.estatedesk.platform.activity.ActivityLog;
import com.estatedesk.platform.activity.ActivityView.Actor;
import com.estatedesk.platform.activity.ActivityView.Subject;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * A throttled login noted in its company's activity log, in the background: the 429 takes the same time
 * whether or not the company or the email exists, and a flood is counted by the throttle, not queued here.
 */
@Stateless
public class ThrottledLogins {

    private static final BoundedHandOff WAITING = new BoundedHandOff(64);

    @PersistenceContext
    EntityManager em;

    @Inject
    NamedLogins namedLogins;

    @Inject
    ActivityLog activity;

    /** Hands the note to {@code bean} (this EJB, asynchronous) when there is room. */
    static void noteIfRoom(ThrottledLogins bean, String companyKey, String email) {
        WAITING.offer(() -> bean.note(companyKey, email));
    }

    @Asynchronous
    public void note(String companyKey, String email) {
        try {
            Optional<NamedLogins.Named> named = namedLogins.find(companyKey, email);
            if (named.isEmpty()) {
                return;
            }
            long companyId = named.get().company().id();
            Account account = named.get().account();
            String detail = "too many failed sign-ins; refused until the window ends";
            if (account == null) {
                activity.recordBy(
                        new Actor(0, null, "someone (no such login)", "NONE"),
                        "SIGN_IN_THROTTLED",
                        new Subject("login", null, email),
                        detail);
            } else {
                activity.recordAs(companyId, account.id(), "SIGN_IN_THROTTLED", AuthService.login(account), detail);
            }
        } finally {
            WAITING.done();
        }
    }
}
