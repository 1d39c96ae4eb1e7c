package com.estatedesk.platform.security;

import com.estatedesk.infra.identity.Role;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues and verifies the API's bearer tokens: RS256 JWTs, with nimbus-jose-jwt doing the cryptography. */
@ApplicationScoped
public class Tokens {

    public static final String ISSUER = "estatedesk";
    public static final String AUDIENCE = "estatedesk-api";
    public static final String COMPANY_CLAIM = "company_id";
    public static final String GROUPS_CLAIM = "groups";
    /** The token generation of the login, and of its company, when the token was issued (see {@link Revocations}). */
    public static final String GENERATION_CLAIM = "gen";

    public static final String COMPANY_GENERATION_CLAIM = "cgen";
    /** A token of a login whose role needs a second factor it has not turned on: it may only enrol one. */
    public static final String ENROL_ONLY_CLAIM = "enrol_only";

    @EJB
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "estatedesk.token.ttl.seconds", defaultValue = "3600")
    long ttlSeconds;

    private DefaultJWTProcessor<SecurityContext> processor;

    private static final int RECENT_TOKENS = 10_000;
    private static final long RECENT_MILLIS = 60_000;
    private final Map<String, Recent> verified = new ConcurrentHashMap<>();

    /** {@code enrolOnly}: the token may only enrol a second factor (ESTATEDESK_REQUIRE_TOTP). */
    public record Issued(String token, long expiresIn, boolean enrolOnly) {}

    /** Who a token is for: what {@link #issue} needs. Generations come from the rows read at login. */
    public record Subject(
            long accountId,
            Role role,
            Long companyId,
            String email,
            int generation,
            int companyGeneration,
            boolean enrolOnly) {}

    public record Verified(
            long accountId,
            Role role,
            Long companyId,
            String tokenId,
            int generation,
            int companyGeneration,
            Instant expiresAt,
            boolean enrolOnly) {}

    @PostConstruct
    void configure() {
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        // Only RS256 is accepted: 'none', HMAC with the public key and every other algorithm fail here.
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ReloadingKeys()));
        DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier = new DefaultJWTClaimsVerifier<>(
                AUDIENCE, new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "exp", "iat", GROUPS_CLAIM));
        // The library's default accepts a token for 60 s past its exp; SPEC §2 refuses it within 5 s. Every
        // instance issues with its own clock, so what is left is the drift between the instances' clocks.
        claimsVerifier.setMaxClockSkew(0);
        processor.setJWTClaimsSetVerifier(claimsVerifier);
    }

    public Issued issue(Subject subject) {
        long accountId = subject.accountId();
        Role role = subject.role();
        Long companyId = subject.companyId();
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(Long.toString(accountId))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(ttlSeconds)))
                .claim("upn", subject.email())
                .claim(GROUPS_CLAIM, List.of(role.name()))
                .claim(GENERATION_CLAIM, subject.generation());
        if (companyId != null) {
            claims.claim(COMPANY_CLAIM, companyId);
            claims.claim(COMPANY_GENERATION_CLAIM, subject.companyGeneration());
        }
        if (subject.enrolOnly()) {
            claims.claim(ENROL_ONLY_CLAIM, true);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(keys.signingKey().getKeyID())
                        .build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(keys.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return new Issued(jwt.serialize(), ttlSeconds, subject.enrolOnly());
    }

    /**
     * @throws InvalidToken for anything but a valid, unexpired token of ours. A token verified before is
     * answered from memory for up to a minute (never past its expiry): a client sends the same token
     * with many requests, and the RS256 check and claim parsing were ~6 % of a registration's CPU.
     * The key is the whole token, signature included, so nothing unverified can match it.
     */
    public Verified verify(String token) {
        long now = System.currentTimeMillis();
        Recent recent = verified.get(token);
        if (recent != null && now < recent.validUntil()) {
            return recent.verified();
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            List<String> groups = claims.getStringListClaim(GROUPS_CLAIM);
            if (groups == null || groups.size() != 1) {
                throw new InvalidToken("The token carries no role.");
            }
            Role role = Role.valueOf(groups.get(0));
            Long companyId = claims.getLongClaim(COMPANY_CLAIM);
            if ((role == Role.PLATFORM_ADMIN) != (companyId == null)) {
                throw new InvalidToken("The token's role and company disagree.");
            }
            Verified result = new Verified(
                    Long.parseLong(claims.getSubject()),
                    role,
                    companyId,
                    claims.getJWTID(),
                    generation(claims, GENERATION_CLAIM),
                    generation(claims, COMPANY_GENERATION_CLAIM),
                    claims.getExpirationTime().toInstant(),
                    Boolean.TRUE.equals(claims.getBooleanClaim(ENROL_ONLY_CLAIM)));
            if (verified.size() >= RECENT_TOKENS) {
                verified.clear(); // bounded memory; the next requests simply verify again
            }
            verified.put(
                    token,
                    new Recent(result, Math.min(claims.getExpirationTime().getTime(), now + RECENT_MILLIS)));
            return result;
        } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
            throw new InvalidToken("The bearer token is invalid or expired.");
        }
    }

    /** Tokens issued before generations existed count as generation 0: the first revocation ends them. */
    private static int generation(JWTClaimsSet claims, String name) throws ParseException {
        Integer value = claims.getIntegerClaim(name);
        return value == null ? 0 : value;
    }

    private record Recent(Verified verified, long validUntil) {}

    public static class InvalidToken extends RuntimeException {
        InvalidToken(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Selects from the key set last read from {@link SigningKeys}, kept here so that verifying a token
     * costs no EJB call; an unknown key id triggers one (rate-limited) reload.
     */
    private final class ReloadingKeys implements JWKSource<SecurityContext> {
        private volatile JWKSet known;

        @Override
        public List<JWK> get(JWKSelector selector, SecurityContext context) {
            JWKSet current = known;
            if (current == null) {
                current = known = keys.verificationKeys();
            }
            List<JWK> found = selector.select(current);
            if (found.isEmpty()) {
                keys.reloadIfStale();
                known = keys.verificationKeys();
                found = selector.select(known);
            }
            return found;
        }
    }
}
