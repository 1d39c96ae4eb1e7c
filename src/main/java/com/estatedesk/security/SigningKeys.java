package com.estatedesk.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
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

/**
 * The keys tokens are signed and verified with. Configured keys win (ESTATEDESK_JWT_SIGNING_KEY, a
 * private RSA key as PEM or JWK; MP_JWT_VERIFY_PUBLICKEY, more public keys as PEM or JWKS). Without
 * them, the service generates a key pair once and keeps it in the database, so that every instance
 * sharing the database signs with the same key and accepts the others' tokens.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Lock(LockType.READ)
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final long RELOAD_INTERVAL_MILLIS = 5_000;

    @Resource(name = "jdbc/estatedesk")
    DataSource dataSource;

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
    void load() {
        if (configuredSigningKey.isPresent()) {
            signingKey = parsePrivateKey(configuredSigningKey.get());
            LOG.info("Tokens are signed with the configured key " + signingKey.getKeyID());
        } else {
            ensureStoredKeyExists();
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
        RSAKey oldestStored = null;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select private_jwk from signing_key order by created_at, kid");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                RSAKey stored = RSAKey.parse(rows.getString(1));
                oldestStored = oldestStored == null ? stored : oldestStored;
                keys.add(stored.toPublicJWK());
            }
        } catch (SQLException | ParseException e) {
            throw new IllegalStateException("Cannot read the token signing keys", e);
        }
        if (configuredSigningKey.isPresent()) {
            keys.add(signingKey.toPublicJWK());
        } else {
            // Every instance signs with the oldest stored key: two instances that raced at first start
            // both end up using the same one.
            signingKey = oldestStored;
        }
        configuredVerificationKeys.ifPresent(text -> keys.addAll(parsePublicKeys(text)));
        verificationKeys = new JWKSet(keys);
        loadedAt = System.currentTimeMillis();
    }

    private void ensureStoredKeyExists() {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement count = connection.prepareStatement("select count(*) from signing_key");
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return;
                }
            }
            RSAKey generated = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE).generate();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into signing_key (kid, private_jwk, created_at) values (?, ?, ?)")) {
                insert.setString(1, generated.getKeyID());
                insert.setString(2, generated.toJSONString());
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            LOG.info("Generated the token signing key " + generated.getKeyID() + " and stored it in the database");
        } catch (SQLException | JOSEException e) {
            throw new IllegalStateException("Cannot create the token signing key", e);
        }
    }

    private static RSAKey parsePrivateKey(String text) {
        try {
            JWK jwk = text.trim().startsWith("{") ? JWK.parse(text) : JWK.parseFromPEMEncodedObjects(text);
            RSAKey rsa = jwk.toRSAKey();
            if (!rsa.isPrivate()) {
                throw new IllegalStateException("ESTATEDESK_JWT_SIGNING_KEY must be a private RSA key");
            }
            return rsa.getKeyID() != null ? rsa
                    : new RSAKey.Builder(rsa).keyIDFromThumbprint().build();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("ESTATEDESK_JWT_SIGNING_KEY is not a PEM or JWK RSA private key", e);
        }
    }

    private static List<JWK> parsePublicKeys(String text) {
        try {
            if (text.trim().startsWith("{")) {
                return text.contains("\"keys\"") ? JWKSet.parse(text).getKeys() : List.of(JWK.parse(text));
            }
            RSAKey rsa = JWK.parseFromPEMEncodedObjects(text).toRSAKey();
            return List.of(new RSAKey.Builder(rsa.toRSAPublicKey()).keyIDFromThumbprint().build());
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("MP_JWT_VERIFY_PUBLICKEY is not a PEM key, a JWK or a JWKS", e);
        }
    }
}
