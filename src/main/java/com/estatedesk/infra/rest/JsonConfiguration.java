package com.estatedesk.infra.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B as the API writes it: every field present (null when empty), so that a representation always
 * has the same shape. Request bodies are not read with it: {@link JsonBodies} checks and binds them.
 */
@Provider
public class JsonConfiguration implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** The same JSON-B outside the REST layer (stored idempotent responses read back exactly as sent). */
    public static Jsonb jsonb() {
        return JSONB;
    }
}
