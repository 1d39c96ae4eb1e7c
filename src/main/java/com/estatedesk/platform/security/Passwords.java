package com.estatedesk.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Salted PBKDF2-HMAC-SHA256 (600 000 iterations by default, OWASP's current figure) password hashes from the JDK, in Jakarta Security's self-describing format
 * ({@code PBKDF2WithHmacSHA256:iterations:salt:hash}, Base64), so hashes written earlier through
 * Pbkdf2PasswordHash still verify. Not Pbkdf2PasswordHash itself: WildFly only provides that bean to
 * deployments that declare a Jakarta Security authentication mechanism, which this one does not need.
 * <p>
 * Each hash costs a core ~0.2 s, so hashing runs in a bounded number of slots, in turns that
 * {@link HashingQueue} keeps fair: a flood of logins gets quick 503s instead of taking every core and
 * request thread from the other requests, and a crowd of honest logins is served.
 */
@ApplicationScoped
public class Passwords {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static final int RECOMMENDED_ITERATIONS = 600_000;

    @Inject
    @ConfigProperty(name = "estatedesk.password.iterations", defaultValue = "600000")
    int iterations;

    /** Where hashes wait their turn (fair, bounded by expected wait): see {@link HashingQueue}. */
    @Inject
    HashingQueue queue;

    /** Verified against when an email is unknown, so that both failures take the same time. */
    private String decoy;

    @PostConstruct
    void configure() {
        if (iterations < RECOMMENDED_ITERATIONS) {
            Logger.getLogger(Passwords.class.getName())
                    .warning("ESTATEDESK_PASSWORD_ITERATIONS=" + iterations + " is below the recommended "
                            + RECOMMENDED_ITERATIONS);
        }
        long started = System.nanoTime();
        decoy = computeHash("decoy-password");
        queue.observe(System.nanoTime() - started); // the queue's first estimate of a hash, on this machine
    }

    public String hash(String password) {
        return inSlot(() -> computeHash(password));
    }

    /** Whether a stored hash was made with weaker settings than today's: it is replaced at the next login. */
    public boolean needsRehash(String hash) {
        String[] parts = hash.split(":");
        try {
            return parts.length != 4 || !parts[0].equals(ALGORITHM) || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException malformed) {
            return true;
        }
    }

    /** Runs {@code work} in a hashing slot, in its turn (HashingQueue); hashes inside it take no second slot. */
    public <T> T inSlot(Supplier<T> work) {
        return queue.hash(work);
    }

    private String computeHash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + iterations + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(derive(password, salt, iterations, KEY_BYTES));
    }

    public boolean matches(String password, String hash) {
        return inSlot(() -> computeMatches(password, hash));
    }

    private boolean computeMatches(String password, String hash) {
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
