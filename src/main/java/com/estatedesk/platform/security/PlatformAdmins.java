package com.estatedesk.platform.security;

import com.estatedesk.infra.database.Database;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Every write to platform admins. On PostgreSQL the application role has no write grant on the table,
 * only the functions of V5_4: it can set a password (hashed here) and create the first admin, nothing
 * else. The embedded H2 demo has no such roles and runs the same writes as plain SQL.
 */
@ApplicationScoped
public class PlatformAdmins {

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    /** A new password ({@code endTokens}) ends every earlier token of the admin; a rehash at login does not. */
    public void setPassword(PlatformAdmin admin, String hash, boolean endTokens) {
        var write = database.isPostgreSql()
                ? em.createNativeQuery("select set_platform_admin_password(?1, ?2, ?3)")
                : em.createNativeQuery("update platform_admin set password_hash = ?2,"
                        + " token_generation = token_generation + case when ?3 then 1 else 0 end where id = ?1");
        write.setParameter(1, admin.id()).setParameter(2, hash).setParameter(3, endTokens);
        write.setHint(Tenancy.NATIVE_SQL_HINT, true);
        if (database.isPostgreSql()) {
            write.getSingleResult();
        } else {
            write.executeUpdate();
        }
        admin.passwordWritten(hash, endTokens);
    }

    /**
     * The admin's second factor: a new secret (off until confirmed), its confirmation, or its removal.
     * {@code endTokens} ends every earlier token of the admin.
     */
    public void setSecondFactor(PlatformAdmin admin, String secret, boolean enabled, boolean endTokens) {
        var write = database.isPostgreSql()
                ? em.createNativeQuery("select set_platform_admin_totp(?1, ?2, ?3, ?4)")
                : em.createNativeQuery("update platform_admin set totp_secret = ?2, totp_enabled = ?3,"
                        + " token_generation = token_generation + case when ?4 then 1 else 0 end where id = ?1");
        write.setParameter(1, admin.id())
                .setParameter(2, secret)
                .setParameter(3, enabled)
                .setParameter(4, endTokens);
        write.setHint(Tenancy.NATIVE_SQL_HINT, true);
        if (database.isPostgreSql()) {
            write.getSingleResult();
        } else {
            write.executeUpdate();
        }
        admin.secondFactorWritten(secret, enabled, endTokens);
    }

    /** Records a login's code step; false when a code of this step or a later one was used already. */
    public boolean useSecondFactorStep(PlatformAdmin admin, long step) {
        if (database.isPostgreSql()) {
            return (Boolean) em.createNativeQuery("select use_platform_admin_totp_step(?1, ?2)")
                    .setParameter(1, admin.id())
                    .setParameter(2, step)
                    .setHint(Tenancy.NATIVE_SQL_HINT, true)
                    .getSingleResult();
        }
        return em.createNativeQuery("update platform_admin set totp_last_step = ?2 where id = ?1"
                                + " and (totp_last_step is null or totp_last_step < ?2)")
                        .setParameter(1, admin.id())
                        .setParameter(2, step)
                        .setHint(Tenancy.NATIVE_SQL_HINT, true)
                        .executeUpdate()
                == 1;
    }

    /** Creates the first platform admin unless one exists (instances starting together create one). */
    public boolean createFirst(String email, String hash) {
        if (database.isPostgreSql()) {
            return (Boolean) em.createNativeQuery("select create_first_platform_admin(?1, ?2)")
                    .setParameter(1, email)
                    .setParameter(2, hash)
                    .setHint(Tenancy.NATIVE_SQL_HINT, true)
                    .getSingleResult();
        }
        em.persist(new PlatformAdmin(email, hash));
        return true;
    }
}
