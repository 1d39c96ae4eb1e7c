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
    @ConfigProperty(name = "estatedesk.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "estatedesk.admin.password")
    Optional<String> password;

    @PostConstruct
    void createFirstPlatformAdmin() {
        long existing = em.createNamedQuery(PlatformAdmin.COUNT, Long.class).getSingleResult();
        if (existing > 0) {
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
}
