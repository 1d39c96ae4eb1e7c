package com.estatedesk.infra.rest;

import com.estatedesk.infra.problem.ProblemResponses;
import com.estatedesk.infra.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

/**
 * Request headers over {@link #MAX_BYTES} in total are answered 431 as a problem. The servers' listeners
 * take up to 64 KiB (server-config) so that such a request reaches this filter: at their own limit they
 * answer an empty 400 that no client can read. A token is about 1 KiB; 16 KiB leaves room for proxies.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HeaderLimit extends HttpFilter {

    public static final int MAX_BYTES = 16 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (headerBytes(request) > MAX_BYTES) {
            ProblemResponses.write(
                    response,
                    Problems.of(
                            "headers-too-large",
                            "Request headers too large",
                            431,
                            "The request's headers exceed " + MAX_BYTES / 1024 + " KiB in total."));
            return;
        }
        chain.doFilter(request, response);
    }

    private static long headerBytes(HttpServletRequest request) {
        long total = 0;
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                total += name.length() + value.length() + 4; // ": " and CRLF
                if (total > MAX_BYTES) {
                    return total;
                }
            }
        }
        return total;
    }
}
