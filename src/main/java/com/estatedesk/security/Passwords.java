package com.estatedesk.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes from the JDK, in Jakarta Security's self-describing format
 * ({@code PBKDF2WithHmacSHA256:iterations:salt:hash}, Base64), so hashes written earlier through
 * Pbkdf2PasswordHash still verify. Not Pbkdf2PasswordHash itself: WildFly only provides that bean to
 * deployments that declare a Jakarta Security authentication mechanism, which this one does not need.
 */
@ApplicationScoped
public class Passwords {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "estatedesk.password.iterations", defaultValue = "210000")
    int iterations;

    /** Verified against when an email is unknown, so that both failures take the same time. */
    private String decoy;

    @PostConstruct
    void configure() {
        decoy = hash("decoy-password");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + iterations + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(derive(password, salt, iterations, KEY_BYTES));
    }

    public boolean matches(String password, String hash) {
        String[] parts = hash.split(":");
        if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            // Iterations and key size come from the stored hash: raising the default keeps old hashes valid.
            return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1]), expected.length));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Spends the time of a real verification and fails. */
    public boolean rejectInConstantTime(String password) {
        matches(password, decoy);
        return false;
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
