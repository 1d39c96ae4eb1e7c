package com.estatedesk.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request comes from, for login fairness. The socket's peer, unless that peer is one of
 * ESTATEDESK_TRUSTED_PROXIES (comma-separated addresses, e.g. the load balancer's): then the nearest
 * address in {@code X-Forwarded-For} that is not a trusted proxy. A client cannot choose its own
 * address by sending the header to a service that trusts nobody.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "estatedesk.trusted.proxies")
    Optional<String> trustedProxiesSetting;

    private Set<String> trustedProxies;

    @PostConstruct
    void configure() {
        trustedProxies = trustedProxiesSetting
                .map(list -> Arrays.stream(list.split(","))
                        .map(String::trim)
                        .filter(address -> !address.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    String of(String peer, String forwardedFor) {
        if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }
}
