package com.estatedesk.platform.security;

import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSA keys in PEM, read with the JDK alone: a PKCS#8 private key ({@code BEGIN PRIVATE KEY}, what
 * {@code openssl genpkey} writes) or an X.509 public key ({@code BEGIN PUBLIC KEY}). Not nimbus's PEM
 * parser: it needs BouncyCastle, which neither Payara's copy of nimbus nor WildFly can see.
 */
final class RsaPem {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private RsaPem() {}

    static RSAKey parse(String pem) {
        Matcher block = BLOCK.matcher(pem);
        if (!block.find()) {
            throw new IllegalStateException("not a PEM block");
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(2));
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            switch (block.group(1)) {
                case "PRIVATE KEY" -> {
                    RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
                    RSAPublicKey publicKey = (RSAPublicKey)
                            rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
                    return new RSAKey.Builder(publicKey).privateKey(key).build();
                }
                case "PUBLIC KEY" -> {
                    return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der))).build();
                }
                default ->
                    throw new IllegalStateException("PEM block '" + block.group(1) + "' is not supported: use PKCS#8"
                            + " (BEGIN PRIVATE KEY; openssl pkcs8 -topk8 -nocrypt converts) or BEGIN PUBLIC KEY");
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("not an RSA key", e);
        }
    }
}
