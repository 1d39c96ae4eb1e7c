package com.estatedesk.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    /** Written by Jakarta Security's Pbkdf2PasswordHash (Payara) for "platform-admin-secret". */
    private static final String SOTERIA_HASH =
            "PBKDF2WithHmacSHA256:210000:6BxIp7KqjQzKozUlM6ga3A==:31Hlhk/9xVez+0pBfh5ZlNaThz2q0Lz+tLxD08ShKKM=";

    private final Passwords passwords = configured(1000);

    private static Passwords configured(int iterations) {
        Passwords passwords = new Passwords();
        passwords.iterations = iterations;
        passwords.queue = new HashingQueue();
        passwords.queue.maxWaitMillis = 2_000;
        passwords.queue.configure();
        passwords.configure();
        return passwords;
    }

    @Test
    void hashesWrittenByJakartaSecurityStillVerify() {
        assertTrue(passwords.matches("platform-admin-secret", SOTERIA_HASH));
        assertFalse(passwords.matches("platform-admin-secreT", SOTERIA_HASH));
    }

    @Test
    void newHashesAreSaltedSelfDescribingAndVerify() {
        String first = passwords.hash("correct horse");
        String second = passwords.hash("correct horse");
        assertNotEquals(first, second, "a fresh salt each time");
        assertTrue(first.startsWith("PBKDF2WithHmacSHA256:1000:"), first);
        assertEquals(4, first.split(":").length);
        assertTrue(passwords.matches("correct horse", first));
        assertFalse(passwords.matches("correct horsE", first));
        assertTrue(configured(2000).matches("correct horse", first), "the stored iteration count is used");
    }

    /** The suite's servers run with few iterations (pom.xml); what ships unconfigured is OWASP's figure. */
    @Test
    void theDefaultIsSixHundredThousandIterations() throws NoSuchFieldException {
        ConfigProperty iterations =
                Passwords.class.getDeclaredField("iterations").getAnnotation(ConfigProperty.class);
        assertEquals("estatedesk.password.iterations", iterations.name());
        assertEquals(600_000, Integer.parseInt(iterations.defaultValue()));
        assertEquals(600_000, Passwords.RECOMMENDED_ITERATIONS);
    }

    @Test
    void malformedHashesNeverMatch() {
        assertFalse(passwords.matches("x", "plain-text"));
        assertFalse(passwords.matches("x", "MD5:1:abc:def"));
        assertFalse(passwords.matches("x", "PBKDF2WithHmacSHA256:10:not base64!:AAAA"));
        assertFalse(passwords.rejectInConstantTime("anything"));
    }
}
