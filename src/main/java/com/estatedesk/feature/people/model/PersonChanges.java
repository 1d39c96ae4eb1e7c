package com.estatedesk.feature.people.model;

import com.estatedesk.infra.problem.Problem.FieldError;
import com.estatedesk.infra.problem.Problems;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PATCH /marketers/{id} and /clients/{id}: name, phone, status. Everything else is read-only or
 * unknown and is refused (400) rather than silently ignored.
 */
public record PersonChanges(Optional<String> name, Optional<Optional<String>> phone, Optional<PersonStatus> status) {

    public static final String PHONE_PATTERN = "\\+?[0-9][0-9 ()\\-]{3,38}";
    public static final String PHONE_MESSAGE =
            "must be a phone number: digits, spaces, parentheses and dashes, optionally starting with +";
    private static final Pattern PHONE = Pattern.compile(PHONE_PATTERN);
    private static final Set<String> READ_ONLY = Set.of("id", "uid", "number", "email", "accountId", "createdAt");

    public static PersonChanges from(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : body.keySet()) {
            if (READ_ONLY.contains(field)) {
                errors.add(new FieldError(field, "is read-only"));
            } else if (!Set.of("name", "phone", "status").contains(field)) {
                errors.add(new FieldError(field, "is not a field of this resource"));
            }
        }
        Optional<String> name = Optional.empty();
        if (body.containsKey("name")) {
            String value = string(body.get("name"));
            if (value == null || value.isBlank() || value.length() > 200) {
                errors.add(new FieldError("name", "must be a non-blank string of at most 200 characters"));
            } else {
                name = Optional.of(value.trim());
            }
        }
        Optional<Optional<String>> phone = Optional.empty();
        if (body.containsKey("phone")) {
            JsonValue raw = body.get("phone");
            String value = string(raw);
            if (raw.getValueType() == JsonValue.ValueType.NULL) {
                phone = Optional.of(Optional.empty());
            } else if (value == null || !PHONE.matcher(value).matches()) {
                errors.add(new FieldError("phone", PHONE_MESSAGE));
            } else {
                phone = Optional.of(Optional.of(value));
            }
        }
        Optional<PersonStatus> status = Optional.empty();
        if (body.containsKey("status")) {
            String value = string(body.get("status"));
            try {
                status = Optional.of(PersonStatus.valueOf(String.valueOf(value)));
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("status", "must be one of ACTIVE, DEACTIVATED"));
            }
        }
        if (errors.isEmpty() && body.isEmpty()) {
            errors.add(new FieldError("body", "must change at least one of name, phone, status"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return new PersonChanges(name, phone, status);
    }

    public void applyTo(Person person) {
        name.ifPresent(person::rename);
        phone.ifPresent(value -> person.changePhone(value.orElse(null)));
        status.ifPresent(person::changeStatus);
    }

    private static String string(JsonValue value) {
        return value instanceof JsonString text ? text.getString() : null;
    }
}
