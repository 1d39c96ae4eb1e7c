package com.estatedesk.rest;

import com.estatedesk.problem.Problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a parsed JSON body against the record it is bound to, before anything binds it: the body is
 * an object, every field has the JSON type of its component (an integer in range, a known enum
 * constant, ...), and every text is {@link PlainText}. Each problem names the field as the client
 * wrote it ({@code admin.email}, {@code plotNumberIds[2]}) and never a Java type. {@code null} passes
 * here: whether a field is required is Bean Validation's business, which runs next.
 */
final class BodyShape {

    private BodyShape() {
    }

    static List<FieldError> check(JsonValue body, Class<?> type) {
        List<FieldError> errors = new ArrayList<>();
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(new FieldError("body", "must be a JSON object"));
            return errors;
        }
        checkObject("", body.asJsonObject(), type, errors);
        return errors;
    }

    /** Records that read their own body ({@code static from(JsonObject)}) also judge unknown fields themselves. */
    static boolean readsItself(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(method -> method.getName().equals("from")
                && java.lang.reflect.Modifier.isStatic(method.getModifiers())
                && method.getParameterCount() == 1 && method.getParameterTypes()[0] == JsonObject.class);
    }

    private static void checkObject(String prefix, JsonObject object, Class<?> type, List<FieldError> errors) {
        Map<String, RecordComponent> components = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
        boolean ownRules = readsItself(type);
        for (Map.Entry<String, JsonValue> field : object.entrySet()) {
            RecordComponent component = components.get(field.getKey());
            if (component == null) {
                if (!ownRules) {
                    errors.add(new FieldError(prefix + field.getKey(), "is not a field of this request"));
                }
                continue;
            }
            checkValue(prefix + field.getKey(), field.getValue(), component.getGenericType(),
                    component.isAnnotationPresent(MultilineText.class), errors);
        }
    }

    private static void checkValue(String field, JsonValue value, Type type, boolean multiline, List<FieldError> errors) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            checkValue(field, value, argument(type), multiline, errors);
        } else if (raw == String.class) {
            if (!(value instanceof JsonString text)) {
                errors.add(new FieldError(field, "must be a string"));
            } else if (!PlainText.isClean(text.getString(), multiline)) {
                errors.add(new FieldError(field, PlainText.rule(multiline)));
            }
        } else if (raw == Long.class || raw == long.class) {
            checkInteger(field, value, Long.MIN_VALUE, Long.MAX_VALUE, errors);
        } else if (raw == Integer.class || raw == int.class) {
            checkInteger(field, value, Integer.MIN_VALUE, Integer.MAX_VALUE, errors);
        } else if (raw == BigDecimal.class) {
            if (!(value instanceof JsonNumber number) || number.bigDecimalValue().precision() - number.bigDecimalValue().scale() > 30) {
                errors.add(new FieldError(field, "must be a number"));
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                errors.add(new FieldError(field, "must be true or false"));
            }
        } else if (raw.isEnum()) {
            List<String> allowed = Arrays.stream(raw.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
            if (!(value instanceof JsonString text) || !allowed.contains(text.getString())) {
                errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed)));
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonArray array)) {
                errors.add(new FieldError(field, "must be an array"));
            } else {
                for (int i = 0; i < array.size(); i++) {
                    checkValue(field + "[" + i + "]", array.get(i), argument(type), multiline, errors);
                }
            }
        } else if (raw.isRecord()) {
            if (!(value instanceof JsonObject object)) {
                errors.add(new FieldError(field, "must be an object"));
            } else {
                checkObject(field + ".", object, raw, errors);
            }
        } else {
            throw new IllegalStateException("A request field of type " + raw + " has no JSON shape rule");
        }
    }

    private static void checkInteger(String field, JsonValue value, long min, long max, List<FieldError> errors) {
        if (!(value instanceof JsonNumber number) || !isIntegerBetween(number.bigDecimalValue(), min, max)) {
            errors.add(new FieldError(field, max == Long.MAX_VALUE ? "must be an integer"
                    : "must be an integer between " + min + " and " + max));
        }
    }

    /** Judged on the decimal's digits and exponent, never by expanding it: 1e100000000 must stay cheap. */
    private static boolean isIntegerBetween(BigDecimal number, long min, long max) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 19
                && stripped.compareTo(BigDecimal.valueOf(min)) >= 0 && stripped.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type) {
        return ((ParameterizedType) type).getActualTypeArguments()[0];
    }
}
