package com.estatedesk.platform.security;

import com.estatedesk.infra.database.AfterCommit;
import com.estatedesk.infra.database.Database;
import com.estatedesk.infra.identity.Role;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which tokens no longer count, on every instance within seconds. A revocation raises the lowest token
 * generation still valid for a login, a platform admin or a company, or ends one token (logout); it is
 * written to {@code token_revocation} in the transaction that causes it (deactivation, password change,
 * suspension, logout). This instance applies it the moment that transaction commits; every other
 * instance reads the table every second ({@link #poll}). The check on each request is a few hash-map
 * lookups, no database round trip.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());
    private final Map<Long, Revoked> accounts = new ConcurrentHashMap<>();
    private final Map<Long, Revoked> platformAdmins = new ConcurrentHashMap<>();
    private final Map<Long, Revoked> companies = new ConcurrentHashMap<>();
    private final Map<String, Revoked> tokens = new ConcurrentHashMap<>();
    /** The oldest transaction still running when the last poll began (PostgreSQL); null: read everything. */
    private volatile String pollFromXact;

    private volatile boolean pollFailing;

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    Database database;

    @Inject
    @ConfigProperty(name = "estatedesk.token.ttl.seconds", defaultValue = "3600")
    long ttlSeconds;

    private record Revoked(int minGeneration, long seenAt) {}

    /** Whether a verified token has been revoked since it was issued. */
    public boolean isRevoked(Tokens.Verified token) {
        if (token.tokenId() != null && tokens.containsKey(token.tokenId())) {
            return true;
        }
        Map<Long, Revoked> logins = token.role() == Role.PLATFORM_ADMIN ? platformAdmins : accounts;
        if (below(logins.get(token.accountId()), token.generation())) {
            return true;
        }
        return token.companyId() != null && below(companies.get(token.companyId()), token.companyGeneration());
    }

    private static boolean below(Revoked revoked, int generation) {
        return revoked != null && generation < revoked.minGeneration();
    }

    /** In the caller's transaction: tokens of this company login below {@code generation} are dead once it commits. */
    public void revokeAccount(long accountId, int generation) {
        record("account:" + accountId, generation);
    }

    public void revokePlatformAdmin(long adminId, int generation) {
        record("platform:" + adminId, generation);
    }

    public void revokeCompany(long companyId, int generation) {
        record("company:" + companyId, generation);
    }

    /** Logout: this one token is dead once the transaction commits. */
    public void revokeToken(String tokenId) {
        record("token:" + tokenId, 1);
    }

    private void record(String subject, int generation) {
        if (database.isPostgreSql()) {
            // Only raised, never lowered or deleted: the application role has no other way to the table (V5_4).
            em.createNativeQuery("select record_token_revocation(?1, ?2)")
                    .setParameter(1, subject)
                    .setParameter(2, generation)
                    .setHint(Tenancy.NATIVE_SQL_HINT, true)
                    .getSingleResult();
        } else {
            // Insert-if-absent, then raise: safe under concurrent revocations on the H2 demo too.
            em.createNativeQuery("insert into token_revocation (subject, min_generation, changed_at)"
                            + " values (?1, 0, current_timestamp) on conflict do nothing")
                    .setParameter(1, subject)
                    .setHint(Tenancy.NATIVE_SQL_HINT, true)
                    .executeUpdate();
            em.createNativeQuery("update token_revocation set min_generation = case when min_generation < ?1 then ?1"
                            + " else min_generation end, changed_at = current_timestamp where subject = ?2")
                    .setParameter(1, generation)
                    .setParameter(2, subject)
                    .setHint(Tenancy.NATIVE_SQL_HINT, true)
                    .executeUpdate();
        }
        AfterCommit.run(transaction, () -> apply(subject, generation));
    }

    /**
     * Reads what other instances (or this one) revoked since the last poll; the first poll reads everything.
     * On PostgreSQL "since" is in commit order, not by time: the poll notes the oldest transaction still
     * running <em>before</em> it reads, and the next poll reads every row written by that transaction or a
     * later one. A row is therefore read by the first poll after its commit, however long its transaction
     * ran (see V5_2__revocations_in_commit_order.sql). The embedded H2 serves one instance, which applies
     * its own revocations at commit: there the poll simply reads the whole (small) table.
     */
    public void poll() {
        String from = pollFromXact;
        boolean postgreSql = database.isPostgreSql();
        try (Connection connection = database.dataSource().getConnection()) {
            String oldestRunning = null;
            if (postgreSql) {
                try (PreparedStatement snapshot =
                                connection.prepareStatement("select pg_snapshot_xmin(pg_current_snapshot())::text");
                        ResultSet row = snapshot.executeQuery()) {
                    row.next();
                    oldestRunning = row.getString(1);
                }
            }
            try (PreparedStatement changed = connection.prepareStatement(
                    postgreSql
                            ? "select subject, min_generation from token_revocations_since(cast(? as xid8))"
                            : "select subject, min_generation from token_revocation")) {
                if (postgreSql) {
                    changed.setString(1, from);
                }
                try (ResultSet rows = changed.executeQuery()) {
                    while (rows.next()) {
                        apply(rows.getString(1), rows.getInt(2));
                    }
                }
            }
            pollFromXact = oldestRunning;
            if (pollFailing) {
                pollFailing = false;
                LOG.info("Reading token revocations works again");
            }
        } catch (SQLException e) {
            if (!pollFailing) {
                pollFailing = true;
                LOG.warning(() -> "Cannot read token revocations (" + e.getSQLState() + "); retrying every second");
            }
        }
    }

    /** Forgets revocations older than twice the token lifetime, in memory and in the table: their tokens have expired. */
    public void purge() {
        long cutoff = System.currentTimeMillis() - 2_000 * ttlSeconds - 60_000;
        for (Map<?, Revoked> map : java.util.List.of(accounts, platformAdmins, companies, tokens)) {
            map.values().removeIf(revoked -> revoked.seenAt() < cutoff);
        }
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        database.isPostgreSql()
                                ? "select purge_token_revocations(?)"
                                : "delete from token_revocation where changed_at < ?")) {
            delete.setTimestamp(1, new Timestamp(cutoff));
            delete.execute();
        } catch (SQLException e) {
            LOG.warning(() -> "Cannot purge old token revocations (" + e.getSQLState() + ")");
        }
    }

    private void apply(String subject, int generation) {
        int colon = subject.indexOf(':');
        String kind = subject.substring(0, colon);
        String id = subject.substring(colon + 1);
        Revoked revoked = new Revoked(generation, System.currentTimeMillis());
        switch (kind) {
            case "token" -> tokens.put(id, revoked);
            case "account" -> raise(accounts, Long.parseLong(id), revoked);
            case "platform" -> raise(platformAdmins, Long.parseLong(id), revoked);
            case "company" -> raise(companies, Long.parseLong(id), revoked);
            default -> LOG.warning(() -> "Unknown token revocation subject " + subject);
        }
    }

    private static void raise(Map<Long, Revoked> map, long id, Revoked revoked) {
        map.merge(
                id,
                revoked,
                (old, now) -> old.minGeneration() >= now.minGeneration()
                        ? new Revoked(old.minGeneration(), now.seenAt())
                        : now);
    }
}
