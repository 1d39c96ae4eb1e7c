package com.estatedesk.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RsaPemTest {

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    @Test
    void readsPkcs8PrivateAndX509PublicKeysWithTheJdkAlone() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();

        RSAKey signing = RsaPem.parse(pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        assertTrue(signing.isPrivate());
        assertEquals(pair.getPublic(), signing.toRSAPublicKey());

        RSAKey verifying = RsaPem.parse(pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        assertFalse(verifying.isPrivate());
        assertEquals(signing.computeThumbprint(), verifying.computeThumbprint());

        assertThrows(IllegalStateException.class, () -> RsaPem.parse(pem("RSA PRIVATE KEY", new byte[] {1, 2, 3})));
        assertThrows(IllegalStateException.class, () -> RsaPem.parse("not a key"));
    }
}
