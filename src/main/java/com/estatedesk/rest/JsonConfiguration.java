package com.estatedesk.rest;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Type;

/**
 * JSON-B as the API uses it: strict on input (an unknown field or a number where a string belongs is
 * a 400, not silently ignored or coerced), and every field present on output (null when empty), so
 * that a representation always has the same shape.
 */
@Provider
public class JsonConfiguration implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(true)
            .withDeserializers(new StrictStrings())
            .setProperty("jsonb.fail-on-unknown-properties", true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** The same JSON-B outside the REST layer (stored idempotent responses read back exactly as sent). */
    public static Jsonb jsonb() {
        return JSONB;
    }

    /** A JSON string, or null: never a number or boolean turned into text. */
    public static final class StrictStrings implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value instanceof JsonString text) {
                return text.getString();
            }
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            throw new JsonbException("expected a string but found " + value.getValueType().name().toLowerCase());
        }
    }
}
