package com.estatedesk.platform.security;

import com.estatedesk.infra.database.Database;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys tokens are signed and verified with. Configured keys win (ESTATEDESK_JWT_SIGNING_KEY, a
 * private RSA key as PEM or JWK; MP_JWT_VERIFY_PUBLICKEY, more public keys as PEM or JWKS). Without
 * them, the service generates a key pair once and keeps it in the database, so that every instance
 * sharing the database signs with the same key and accepts the others' tokens.
 * <p>
 * The private halves are the schema owner's alone ({@code signing_key}, no grant to the application
 * role): they are read here at start-up through the owner's datasource, like the migration. The public
 * half of every key that signs, stored or configured, is published in {@code verification_key}, which
 * the application role may only read; an unknown key id in a token re-reads that table. So a rotation
 * (a new ESTATEDESK_JWT_SIGNING_KEY, or a new stored key) is accepted by every instance at once, and
 * tokens of the old key verify until they expire.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Lock(LockType.READ)
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final long RELOAD_INTERVAL_MILLIS = 5_000;

    @Inject
    Database database;

    @Inject
    @ConfigProperty(name = "estatedesk.jwt.signing.key")
    Optional<String> configuredSigningKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> configuredVerificationKeys;

    private volatile RSAKey signingKey;
    private volatile JWKSet verificationKeys;
    private volatile long loadedAt;

    @PostConstruct
    // On the method itself: a @Startup singleton's @PostConstruct ignores the class's attribute, and
    // two non-XA datasources cannot share its default transaction.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void load() {
        try (Connection owner = database.ownerConnectionAtStartUp()) {
            if (configuredSigningKey.isPresent()) {
                signingKey = parsePrivateKey(configuredSigningKey.get());
                LOG.info("Tokens are signed with the configured key " + signingKey.getKeyID());
            } else {
                signingKey = storedSigningKey(owner);
            }
            publish(owner, signingKey);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read, create or publish the token signing key", e);
        }
        reload();
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    public JWKSet verificationKeys() {
        return verificationKeys;
    }

    /** Called when a token names a key id we do not know: another instance may have just made it. */
    public void reloadIfStale() {
        if (System.currentTimeMillis() - loadedAt > RELOAD_INTERVAL_MILLIS) {
            reload();
        }
    }

    private synchronized void reload() {
        List<JWK> keys = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select public_jwk from verification_key order by created_at, kid");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(JWK.parse(rows.getString(1)));
            }
        } catch (SQLException | ParseException e) {
            throw new IllegalStateException("Cannot read the token verification keys", e);
        }
        configuredVerificationKeys.ifPresent(text -> keys.addAll(parsePublicKeys(text)));
        verificationKeys = new JWKSet(keys);
        loadedAt = System.currentTimeMillis();
    }

    /**
     * The oldest stored private key, generated first when there is none. The owner's transaction-level
     * advisory lock makes instances that start together agree on one key.
     */
    private RSAKey storedSigningKey(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try {
            if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql")) {
                try (PreparedStatement lock = connection.prepareStatement(
                        "select pg_advisory_xact_lock(hashtext('estatedesk.signing-key'))")) {
                    lock.execute();
                }
            }
            RSAKey oldest = null;
            try (PreparedStatement select = connection.prepareStatement(
                            "select private_jwk from signing_key order by created_at, kid");
                    ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    oldest = RSAKey.parse(rows.getString(1));
                }
            }
            if (oldest == null) {
                oldest = new RSAKeyGenerator(2048)
                        .keyID(UUID.randomUUID().toString())
                        .keyUse(KeyUse.SIGNATURE)
                        .generate();
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into signing_key (kid, private_jwk, created_at) values (?, ?, ?)")) {
                    insert.setString(1, oldest.getKeyID());
                    insert.setString(2, oldest.toJSONString());
                    insert.setTimestamp(3, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
                LOG.info("Generated the token signing key " + oldest.getKeyID() + " and stored it in the database");
            }
            connection.commit();
            return oldest;
        } catch (ParseException | JOSEException e) {
            connection.rollback();
            throw new IllegalStateException("Cannot read or create the token signing key", e);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Publishes the public half of the key this instance signs with, for every instance to verify. */
    private static void publish(Connection owner, RSAKey key) throws SQLException {
        try (PreparedStatement insert =
                owner.prepareStatement("insert into verification_key (kid, public_jwk, created_at)"
                        + " values (?, ?, ?) on conflict do nothing")) {
            insert.setString(1, key.getKeyID());
            insert.setString(2, key.toPublicJWK().toJSONString());
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    private static RSAKey parsePrivateKey(String text) {
        try {
            RSAKey rsa = text.trim().startsWith("{") ? JWK.parse(text).toRSAKey() : RsaPem.parse(text);
            if (!rsa.isPrivate()) {
                throw new IllegalStateException("ESTATEDESK_JWT_SIGNING_KEY must be a private RSA key");
            }
            return rsa.getKeyID() != null
                    ? rsa
                    : new RSAKey.Builder(rsa).keyIDFromThumbprint().build();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("ESTATEDESK_JWT_SIGNING_KEY is not a PKCS#8 PEM or JWK RSA private key", e);
        }
    }

    private static List<JWK> parsePublicKeys(String text) {
        try {
            if (text.trim().startsWith("{")) {
                return text.contains("\"keys\"") ? JWKSet.parse(text).getKeys() : List.of(JWK.parse(text));
            }
            RSAKey rsa = RsaPem.parse(text);
            return List.of(new RSAKey.Builder(rsa.toRSAPublicKey())
                    .keyIDFromThumbprint()
                    .build());
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("MP_JWT_VERIFY_PUBLICKEY is not a PEM key, a JWK or a JWKS", e);
        }
    }
}
