package com.estatedesk.infra.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** An RFC 9457 problem document, as every error of the API is answered. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://estatedesk.io/problems/";

    public String type;
    public String title;
    public int status;
    public String detail;
    /** Field-level reasons of a validation failure; absent otherwise. */
    public List<FieldError> errors;

    public Problem() {}

    Problem(String typeSlug, String title, int status, String detail, List<FieldError> errors) {
        this.type = TYPE_BASE + typeSlug;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public record FieldError(String field, String message) {}
}
