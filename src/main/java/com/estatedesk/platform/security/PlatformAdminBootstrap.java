package com.estatedesk.platform.security;

import com.estatedesk.infra.identity.Emails;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first platform admin from ESTATEDESK_ADMIN_EMAIL / ESTATEDESK_ADMIN_PASSWORD when
 * there is none. Later changes of those variables change nothing: the admin then lives in the database.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class PlatformAdminBootstrap {

    private static final Logger LOG = Logger.getLogger(PlatformAdminBootstrap.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    PlatformAdmins platformAdmins;

    @Inject
    Revocations revocations;

    @Inject
    @ConfigProperty(name = "estatedesk.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "estatedesk.admin.password")
    Optional<String> password;

    /**
     * ESTATEDESK_ADMIN_RECOVER=true: the platform admin named by ESTATEDESK_ADMIN_EMAIL gets
     * ESTATEDESK_ADMIN_PASSWORD again, loses its second factor and every sign-in. The way back for an
     * operator who lost the password or the device: platform admins have no company, so no email reset,
     * and whoever sets the service's environment is trusted with the platform already.
     */
    @Inject
    @ConfigProperty(name = "estatedesk.admin.recover", defaultValue = "false")
    boolean recover;

    @PostConstruct
    void createFirstPlatformAdmin() {
        long existing = em.createNamedQuery(PlatformAdmin.COUNT, Long.class).getSingleResult();
        if (existing > 0) {
            if (recover) {
                recoverNamedAdmin();
            }
            return;
        }
        if (email.isEmpty()
                || password.isEmpty()
                || email.get().isBlank()
                || password.get().length() < 8) {
            LOG.warning("No platform admin exists and ESTATEDESK_ADMIN_EMAIL / ESTATEDESK_ADMIN_PASSWORD "
                    + "(at least 8 characters) are not set: nobody can create companies.");
            return;
        }
        String normalized = Emails.normalize(email.get());
        if (platformAdmins.createFirst(normalized, passwords.hash(password.get()))) {
            LOG.info("Created the first platform admin " + normalized);
        }
    }

    private void recoverNamedAdmin() {
        if (email.isEmpty() || password.isEmpty() || password.get().length() < 8) {
            LOG.warning("ESTATEDESK_ADMIN_RECOVER is set without ESTATEDESK_ADMIN_EMAIL and ESTATEDESK_ADMIN_PASSWORD"
                    + " (at least 8 characters): nothing recovered.");
            return;
        }
        String normalized = Emails.normalize(email.get());
        em
                .createNamedQuery(PlatformAdmin.BY_EMAIL, PlatformAdmin.class)
                .setParameter("email", normalized)
                .getResultList()
                .stream()
                .findFirst()
                .ifPresentOrElse(
                        admin -> {
                            platformAdmins.setPassword(admin, passwords.hash(password.get()), true);
                            platformAdmins.setSecondFactor(admin, null, false, true);
                            revocations.revokePlatformAdmin(admin.id(), admin.tokenGeneration());
                            LOG.warning("ESTATEDESK_ADMIN_RECOVER: platform admin " + normalized
                                    + " has the password of ESTATEDESK_ADMIN_PASSWORD again, no second factor, and no"
                                    + " earlier sign-in. Unset ESTATEDESK_ADMIN_RECOVER now.");
                        },
                        () -> LOG.warning("ESTATEDESK_ADMIN_RECOVER: no platform admin has the email " + normalized));
    }
}
