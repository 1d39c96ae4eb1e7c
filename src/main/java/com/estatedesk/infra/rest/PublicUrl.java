package com.estatedesk.infra.rest;

import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * ESTATEDESK_PUBLIC_URL without its trailing slash, read once: the only base for an absolute URL the
 * service hands out (Location, the OpenAPI document's server). Never the request's Host header.
 */
public final class PublicUrl {

    private static final class Holder {
        static final Optional<String> VALUE = ConfigProvider.getConfig()
                .getOptionalValue("estatedesk.public.url", String.class)
                .map(url -> url.replaceAll("/+$", ""));
    }

    private PublicUrl() {}

    public static Optional<String> value() {
        return Holder.VALUE;
    }
}
