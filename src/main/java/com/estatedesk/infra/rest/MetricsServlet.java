package com.estatedesk.infra.rest;

import com.estatedesk.infra.metrics.AppMetrics;
import com.estatedesk.infra.problem.ProblemResponses;
import com.estatedesk.infra.problem.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * GET /metrics: Prometheus text for operators only. With ESTATEDESK_METRICS_TOKEN set, the scrape must
 * carry {@code Authorization: Bearer <token>}; without it, only loopback callers are answered. Metrics
 * count events across companies (cross-company attempts, unique violations): open to API callers they
 * would be an oracle of one company about another.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    @Inject
    AppMetrics metrics;

    @Inject
    @ConfigProperty(name = "estatedesk.metrics.token")
    Optional<String> token;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String refusal = refusal(request);
        if (refusal != null) {
            ProblemResponses.write(
                    response, token.isPresent() ? Problems.unauthorized(refusal) : Problems.forbidden(refusal));
            return;
        }
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.getWriter().write(metrics.scrape());
    }

    private String refusal(HttpServletRequest request) {
        if (token.isPresent() && !token.get().isBlank()) {
            String authorization = request.getHeader("Authorization");
            String expected = "Bearer " + token.get();
            boolean matches = authorization != null
                    && MessageDigest.isEqual(
                            authorization.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
            return matches ? null : "The metrics bearer token is missing or wrong.";
        }
        return isLoopback(request.getRemoteAddr())
                ? null
                : "Metrics are served to loopback callers only unless ESTATEDESK_METRICS_TOKEN is set.";
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
