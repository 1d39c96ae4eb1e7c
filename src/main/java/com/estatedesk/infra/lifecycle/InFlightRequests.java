package com.estatedesk.infra.lifecycle;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import java.io.IOException;

/** Counts the requests being answered, so that a draining instance stops only once they are done. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class InFlightRequests implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Draining.requestStarted();
        try {
            chain.doFilter(request, response);
        } finally {
            Draining.requestEnded();
        }
    }
}
