package com.estatedesk.platform.idempotency;

import com.estatedesk.infra.problem.ProblemResponses;
import com.estatedesk.infra.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Reads the Idempotency-Key header of a POST and fingerprints the request (method, path, body), for
 * the {@link Idempotent} business methods. Runs after authentication: keys are scoped to the caller.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class IdempotencyKeyFilter implements ContainerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    @Inject
    IdempotencyRequest idempotency;

    @Override
    public void filter(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod())) {
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            request.abortWith(
                    ProblemResponses.of(Problems.invalid(HEADER, "must be 1 to 200 visible ASCII characters")));
            return;
        }
        try {
            byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
            request.setEntityStream(new ByteArrayInputStream(body));
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " /"
                            + request.getUriInfo().getPath(false).replaceAll("^/", "") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            idempotency.set(key, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
