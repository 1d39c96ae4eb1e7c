package com.estatedesk.infra.rest;

import com.estatedesk.infra.problem.Problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
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

    private BodyShape() {}

    static List<FieldError> check(JsonValue body, Class<?> type) {
        List<FieldError> errors = new ArrayList<>();
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(new FieldError("body", "must be a JSON object"));
            return errors;
        }
        checkObject("", body.asJsonObject(), type, errors);
        return errors;
    }

    /**
     * What the checks and the binding need of a request record, read by reflection once per class:
     * its components by name, its canonical constructor, and its own {@code static from(JsonObject)}
     * if it has one (such a record also judges unknown fields itself).
     */
    record Shape(
            Map<String, RecordComponent> components,
            RecordComponent[] order,
            Constructor<?> constructor,
            Method readsItself) {}

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] order = type.getRecordComponents();
            Method from = Arrays.stream(type.getDeclaredMethods())
                    .filter(method -> method.getName().equals("from")
                            && java.lang.reflect.Modifier.isStatic(method.getModifiers())
                            && method.getParameterCount() == 1
                            && method.getParameterTypes()[0] == JsonObject.class)
                    .findFirst()
                    .orElse(null);
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(
                        Arrays.stream(order).map(RecordComponent::getType).toArray(Class<?>[]::new));
                constructor.setAccessible(true);
                if (from != null) {
                    from.setAccessible(true);
                }
                return new Shape(
                        Arrays.stream(order).collect(Collectors.toMap(RecordComponent::getName, Function.identity())),
                        order,
                        constructor,
                        from);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    };

    static Shape shape(Class<?> type) {
        return SHAPES.get(type);
    }

    private static void checkObject(String prefix, JsonObject object, Class<?> type, List<FieldError> errors) {
        Shape shape = shape(type);
        Map<String, RecordComponent> components = shape.components();
        boolean ownRules = shape.readsItself() != null;
        for (Map.Entry<String, JsonValue> field : object.entrySet()) {
            RecordComponent component = components.get(field.getKey());
            if (component == null) {
                if (!ownRules) {
                    errors.add(new FieldError(prefix + field.getKey(), "is not a field of this request"));
                }
                continue;
            }
            checkValue(
                    prefix + field.getKey(),
                    field.getValue(),
                    component.getGenericType(),
                    component.isAnnotationPresent(MultilineText.class),
                    // Bean Validation's annotations land on the accessor; @NotBlank text must also show something.
                    component.getAccessor().isAnnotationPresent(jakarta.validation.constraints.NotBlank.class),
                    errors);
        }
    }

    private static void checkValue(
            String field, JsonValue value, Type type, boolean multiline, boolean required, List<FieldError> errors) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            checkValue(field, value, argument(type), multiline, required, errors);
        } else if (raw == String.class) {
            if (!(value instanceof JsonString text)) {
                errors.add(new FieldError(field, "must be a string"));
            } else {
                String problem = PlainText.problem(text.getString(), multiline, required);
                if (problem != null) {
                    errors.add(new FieldError(field, problem));
                }
            }
        } else if (raw == Long.class || raw == long.class) {
            checkInteger(field, value, Long.MIN_VALUE, Long.MAX_VALUE, errors);
        } else if (raw == Integer.class || raw == int.class) {
            checkInteger(field, value, Integer.MIN_VALUE, Integer.MAX_VALUE, errors);
        } else if (raw == BigDecimal.class) {
            if (!(value instanceof JsonNumber number)
                    || number.bigDecimalValue().precision()
                                    - number.bigDecimalValue().scale()
                            > 30) {
                errors.add(new FieldError(field, "must be a number"));
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                errors.add(new FieldError(field, "must be true or false"));
            }
        } else if (raw.isEnum()) {
            List<String> allowed = Arrays.stream(raw.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .toList();
            if (!(value instanceof JsonString text) || !allowed.contains(text.getString())) {
                errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed)));
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonArray array)) {
                errors.add(new FieldError(field, "must be an array"));
            } else {
                for (int i = 0; i < array.size(); i++) {
                    checkValue(field + "[" + i + "]", array.get(i), argument(type), multiline, required, errors);
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
            errors.add(new FieldError(
                    field,
                    max == Long.MAX_VALUE
                            ? "must be an integer"
                            : "must be an integer between " + min + " and " + max));
        }
    }

    /** Judged on the decimal's digits and exponent, never by expanding it: 1e100000000 must stay cheap. */
    private static boolean isIntegerBetween(BigDecimal number, long min, long max) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() <= 0
                && stripped.precision() - stripped.scale() <= 19
                && stripped.compareTo(BigDecimal.valueOf(min)) >= 0
                && stripped.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    /**
     * Builds the record from a body that passed {@link #check}: every value already has its component's
     * JSON type, so binding is a direct walk (no second parse through JSON-B). Absent fields are null,
     * or {@code Optional.empty()} for an Optional component; a JSON null in an {@code Optional<Optional<T>>}
     * is {@code Optional.of(Optional.empty())} (present, to be cleared).
     */
    static Object bind(JsonObject object, Class<?> type) {
        Shape shape = shape(type);
        Object[] values = new Object[shape.order().length];
        for (int i = 0; i < values.length; i++) {
            RecordComponent component = shape.order()[i];
            values[i] = object.containsKey(component.getName())
                    ? value(object.get(component.getName()), component.getGenericType())
                    : raw(component.getGenericType()) == Optional.class ? Optional.empty() : null;
        }
        try {
            return shape.constructor().newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object value(JsonValue value, Type type) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            return value.getValueType() == JsonValue.ValueType.NULL && raw(argument(type)) != Optional.class
                    ? Optional.empty()
                    : Optional.ofNullable(value(value, argument(type)));
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (raw == String.class) {
            return ((JsonString) value).getString();
        }
        if (raw == Long.class || raw == long.class) {
            return ((JsonNumber) value).bigDecimalValue().longValueExact();
        }
        if (raw == Integer.class || raw == int.class) {
            return ((JsonNumber) value).bigDecimalValue().intValueExact();
        }
        if (raw == BigDecimal.class) {
            return ((JsonNumber) value).bigDecimalValue();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return value == JsonValue.TRUE;
        }
        if (raw.isEnum()) {
            return enumConstant(raw, ((JsonString) value).getString());
        }
        if (Collection.class.isAssignableFrom(raw)) {
            List<Object> items = new ArrayList<>();
            for (JsonValue item : (JsonArray) value) {
                items.add(value(item, argument(type)));
            }
            return java.util.Collections.unmodifiableList(items); // nulls stay, for Bean Validation to name
        }
        if (raw.isRecord()) {
            return bind((JsonObject) value, raw);
        }
        throw new IllegalStateException("A request field of type " + raw + " has no binding rule");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
    }

    private static Type argument(Type type) {
        return ((ParameterizedType) type).getActualTypeArguments()[0];
    }
}
