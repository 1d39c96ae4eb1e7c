package com.estatedesk.platform.security;

import com.estatedesk.infra.database.Housekeeper;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Security's chores: read revocations every second; forget those whose tokens expired, and login windows that are over. */
@ApplicationScoped
public class SecurityHousekeeping implements Housekeeper {

    @Inject
    Revocations revocations;

    @EJB
    LoginThrottle logins;

    @Override
    public void everySecond() {
        revocations.poll();
    }

    @Override
    public String purge() {
        int windows = logins.purgeStale();
        revocations.purge();
        return windows + " login-attempt windows and old revocations";
    }
}
