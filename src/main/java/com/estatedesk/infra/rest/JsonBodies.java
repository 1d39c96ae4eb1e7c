package com.estatedesk.infra.rest;

import com.estatedesk.infra.problem.Problem.FieldError;
import com.estatedesk.infra.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;

/**
 * The one way a JSON request body becomes a request record, on every endpoint, login included:
 * parse strictly ({@link StrictJson}: malformed, ambiguous, too deep, not UTF-8 → 400), check its shape against the record ({@link BodyShape}: not an object,
 * wrong JSON type, unknown enum constant, control characters → 400 naming the field), then bind it
 * directly from the parsed tree, or with the record's own {@code from(JsonObject)}. Bean Validation runs after this on the
 * bound record. Being the application's reader for these types, it takes precedence over the server's
 * JSON-B reader on both Payara (Jersey) and WildFly (RESTEasy).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
// Declared for Record, not Object, and ranked first: both runtimes prefer the reader whose declared type is
// nearest to the parameter's, then the higher priority. A tie with the server's JSON-B reader (also for
// Object) was broken differently from one start to the next.
@Priority(1)
public class JsonBodies implements MessageBodyReader<Record> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getName().startsWith("com.estatedesk.");
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body) {
        JsonValue json = StrictJson.read(body);
        List<FieldError> errors = BodyShape.check(json, type);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Method from = BodyShape.shape(type).readsItself();
        return (Record)
                (from != null ? readItself(from, json.asJsonObject()) : BodyShape.bind(json.asJsonObject(), type));
    }

    private static Object readItself(Method from, JsonObject json) {
        try {
            return from.invoke(null, json);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(from.getDeclaringClass() + " cannot read its body", e);
        }
    }
}
