package com.estatedesk.feature.company;

import com.estatedesk.infra.problem.Problem.FieldError;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.platform.tenancy.CompanyStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PATCH /companies/{id}: a new name and/or a status (SUSPENDED, ACTIVE). The prefix is immutable and
 * anything else is not a changeable field: both are refused (400), never silently ignored.
 */
public record CompanyChanges(Optional<String> name, Optional<CompanyStatus> status) {

    public static CompanyChanges from(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : body.keySet()) {
            if (field.equals("prefix")) {
                errors.add(new FieldError("prefix", "is immutable: a company's prefix never changes"));
            } else if (!field.equals("name") && !field.equals("status")) {
                errors.add(new FieldError(field, "is not a changeable field of a company"));
            }
        }
        Optional<String> name = Optional.empty();
        if (body.containsKey("name")) {
            if (body.get("name") instanceof JsonString text
                    && !text.getString().isBlank()
                    && text.getString().length() <= 200) {
                name = Optional.of(text.getString().trim());
            } else {
                errors.add(new FieldError("name", "must be a non-blank string of at most 200 characters"));
            }
        }
        Optional<CompanyStatus> status = Optional.empty();
        if (body.containsKey("status")) {
            if (body.get("status") instanceof JsonString text) {
                status = java.util.Arrays.stream(CompanyStatus.values())
                        .filter(s -> s.name().equals(text.getString()))
                        .findFirst();
            }
            if (status.isEmpty()) {
                errors.add(new FieldError("status", "must be one of ACTIVE, SUSPENDED"));
            }
        }
        if (errors.isEmpty() && name.isEmpty() && status.isEmpty()) {
            errors.add(new FieldError("body", "must change name or status"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return new CompanyChanges(name, status);
    }
}
