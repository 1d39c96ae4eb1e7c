package com.estatedesk.infra.problem;

import java.util.List;
import java.util.Map;

/** The catalogue of problem types the API answers with; one factory method per type. */
public final class Problems {

    private Problems() {}

    public static ProblemException badRequest(String detail) {
        return of("bad-request", "Bad request", 400, detail);
    }

    public static ProblemException malformedJson(String detail) {
        return of("malformed-json", "Malformed JSON", 400, detail);
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid.";
        return new ProblemException(new Problem("validation", "Invalid request", 400, detail, errors), null);
    }

    /** Errors of a file's rows: the detail counts the rows, each error names its row ("row 7: email"). */
    public static ProblemException invalidRows(List<Problem.FieldError> errors, long badRows) {
        String detail = badRows == 1
                ? "1 row has errors: " + errors.get(0).field() + ": "
                        + errors.get(0).message()
                : badRows + " rows have errors; nothing was imported.";
        return new ProblemException(new Problem("validation", "Invalid request", 400, detail, errors), null);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(
                new Problem("unauthorized", "Unauthorized", 401, detail, null),
                Map.of("WWW-Authenticate", "Bearer realm=\"estatedesk\""));
    }

    public static ProblemException forbidden(String detail) {
        return of("forbidden", "Forbidden", 403, detail);
    }

    /** The same answer whether the row does not exist or belongs to another company. */
    public static ProblemException notFound(String what) {
        return of("not-found", "Not found", 404, "No " + what + " with this id.");
    }

    public static ProblemException methodNotAllowed(String detail, String allow) {
        return new ProblemException(
                new Problem("method-not-allowed", "Method not allowed", 405, detail, null),
                allow == null ? null : Map.of("Allow", allow));
    }

    public static ProblemException notAcceptable(String detail) {
        return of("not-acceptable", "Not acceptable", 406, detail);
    }

    public static ProblemException conflict(String detail) {
        return of("conflict", "Conflict", 409, detail);
    }

    /** A conflict about one field of the request (a taken email, name or number): errors[] names it. */
    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(
                new Problem("conflict", "Conflict", 409, detail, List.of(new Problem.FieldError(field, detail))), null);
    }

    public static ProblemException payloadTooLarge(long limitBytes) {
        return of("payload-too-large", "Payload too large", 413, "The request body exceeds " + limitBytes + " bytes.");
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return of("unsupported-media-type", "Unsupported media type", 415, detail);
    }

    /** A reference in a request body that does not resolve (missing, or another company's). */
    public static ProblemException unresolvableReference(String field, String what) {
        return new ProblemException(
                new Problem(
                        "unresolvable-reference",
                        "Unprocessable reference",
                        422,
                        "No " + what + " with this id.",
                        List.of(new Problem.FieldError(field, "No " + what + " with this id."))),
                null);
    }

    /** A well-formed request that cannot be processed as it stands. */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(
                new Problem(
                        "unprocessable",
                        "Unprocessable request",
                        422,
                        message,
                        List.of(new Problem.FieldError(field, message))),
                null);
    }

    /** Throttled (login guessing): the client may try again after {@code retryAfterSeconds}. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(
                new Problem("too-many-requests", "Too many requests", 429, detail, null),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ProblemException busy(String detail, int retryAfterSeconds) {
        return new ProblemException(
                new Problem("busy", "Service busy", 503, detail, null),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public static ProblemException internal() {
        return of("internal", "Internal error", 500, "The request failed on the server and was logged.");
    }

    public static ProblemException of(String typeSlug, String title, int status, String detail) {
        return new ProblemException(new Problem(typeSlug, title, status, detail, null), null);
    }
}
