package com.estatedesk.infra.problem;

import com.estatedesk.infra.metrics.AppMetrics;
import com.estatedesk.infra.rest.BodySizeLimit;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import jakarta.ws.rs.WebApplicationException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns any failure that reaches the REST layer into its problem answer: the one place that knows
 * what a unique violation, a lock timeout or a lost connection means to a client. Walks the cause
 * chain, because the container wraps database errors several times (EJB, JTA, JPA, JDBC).
 */
public final class FailureClassifier {

    private static final Logger LOG = Logger.getLogger(FailureClassifier.class.getName());

    private static final Map<SQLException, Boolean> COUNTED = Collections.synchronizedMap(new WeakHashMap<>());

    private FailureClassifier() {}

    public static ProblemException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                ProblemException answer = fromSqlState(sql);
                if (answer != null) {
                    return answer;
                }
            }
            if (t instanceof JsonParsingException || t instanceof JsonbException) {
                return Problems.malformedJson(describeJsonFailure(t));
            }
            if (t instanceof SystemException) {
                // The transaction manager could not complete the commit (seen when PostgreSQL restarts
                // mid-commit): the outcome is unknown to us, so the client is told to retry — with the
                // same Idempotency-Key a retry replays whatever did commit.
                LOG.warning(() -> "Commit could not be completed: " + failure);
                return Problems.busy("The database failed while committing; retry with the same Idempotency-Key.", 2);
            }
            if (t instanceof ResourceException connector) {
                // The server's pool could not hand out or enlist a working connection (database down,
                // restarting, or the connection was cut): nothing was written, a retry is safe.
                LOG.warning(() -> "No working database connection: " + connector);
                return Problems.busy("The database is not reachable right now; retry shortly.", 2);
            }
        }
        LOG.log(Level.SEVERE, "Unexpected failure", failure);
        return Problems.internal();
    }

    private static ProblemException fromSqlState(SQLException sql) {
        String state = sql.getSQLState();
        String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
        switch (state) {
            case "23505", "23514", "23P01" -> {
                if (state.equals("23505") && firstTimeSeen(sql)) {
                    AppMetrics.current().uniqueViolation(constraintName(message));
                }
                return Conflict.namedIn(message).map(Conflict::problem).orElseGet(() -> {
                    // A rule the database enforces that this classifier has no message for yet.
                    LOG.warning(() -> "Unmapped constraint violation (" + state + "): " + sql.getMessage());
                    return Problems.conflict("The request conflicts with the current state of the data.");
                });
            }
            // PostgreSQL lock_not_available (lock_timeout), H2 lock timeout, deadlock, serialization
            case "55P03", "HYT00", "40P01", "40001" -> {
                if (firstTimeSeen(sql)) {
                    LOG.warning(() -> "Lock not obtained in time (" + state + "): " + sql.getMessage());
                    AppMetrics.current().lockTimedOut();
                }
                return Problems.busy("The company's records are busy; retry shortly.", 1);
            }
            // admin_shutdown (restart, pg_terminate_backend), crash_shutdown, cannot_connect_now (starting up)
            case "57P01", "57P02", "57P03" -> {
                LOG.warning(() -> "Database connection ended by the server (" + state + "): " + sql.getMessage());
                return Problems.busy("The database is restarting or dropped the connection; retry shortly.", 2);
            }
            case "55000" -> {
                // The driver's own "This statement has been closed." after the server side of the connection
                // went away (a failover, a pooler dropping it): nothing was written; a retry is safe.
                if (message.contains("has been closed")) {
                    LOG.warning(() -> "Statement on a lost connection (" + state + "): " + sql.getMessage());
                    return Problems.busy("The database connection was lost; retry shortly.", 2);
                }
                return null;
            }
            case "57014" -> {
                return Problems.busy("The request took too long and was cancelled; retry shortly.", 1);
            }
            default -> {
                if (state.startsWith("22")) {
                    // Data exception (too long, out of range, NUL, bad encoding): the input's fault, never
                    // the server's. A backstop: request validation should have refused it before.
                    LOG.info(() -> "Input refused by the database (" + state + ")");
                    return Problems.badRequest("A value in the request cannot be stored: it is too long, out of range"
                            + " or holds characters the database refuses.");
                }
                if (state.startsWith("08")) {
                    LOG.warning(() -> "Database connection failure (" + state + "): " + sql.getMessage());
                    return Problems.busy("The database is not reachable right now; retry shortly.", 5);
                }
                return null;
            }
        }
    }

    /**
     * The REST runtime may map one failure twice (it unwraps an EJBException and maps the cause
     * again): the database error behind it is counted once.
     */
    private static boolean firstTimeSeen(SQLException failure) {
        return COUNTED.putIfAbsent(failure, Boolean.TRUE) == null;
    }

    /** PostgreSQL names the constraint in quotes; H2 names its index. */
    private static String constraintName(String message) {
        Matcher quoted = Pattern.compile("constraint \"([a-z0-9_]+)\"").matcher(message);
        if (quoted.find()) {
            return quoted.group(1);
        }
        Matcher h2 =
                Pattern.compile("\\.(uq_[a-z0-9_]+?)(_index_[0-9a-z]+)?\\b").matcher(message);
        return h2.find() ? h2.group(1) : "unknown";
    }

    private static String describeJsonFailure(Throwable t) {
        // Parser messages name positions and expected tokens; JSON-B's name Java types, so they stay inside.
        String message = t.getMessage();
        return message == null || !(t instanceof JsonParsingException)
                ? "The request body is not valid JSON for this endpoint."
                : "The request body is not valid JSON for this endpoint: "
                        + message.replaceFirst("^Internal error: ", "");
    }

    /**
     * For exceptions of the REST runtime itself (unknown path, wrong method, unreadable entity): their
     * status says what went wrong. Named apart from {@link #classify}, so that the static type of an
     * exception cannot choose between them.
     */
    public static ProblemException classifyRuntimeStatus(WebApplicationException failure) {
        ProblemException fromCause = failure.getCause() == null ? null : causeProblem(failure.getCause());
        if (fromCause != null) {
            return fromCause;
        }
        int status = failure.getResponse().getStatus();
        return switch (status) {
            case 400 -> Problems.badRequest("The request could not be read.");
            case 401 -> Problems.unauthorized("A valid bearer token is required.");
            case 403 -> Problems.forbidden("The caller's role may not do this.");
            case 404 -> Problems.of("not-found", "Not found", 404, "No resource at this path.");
            case 405 ->
                Problems.methodNotAllowed(
                        "This resource does not support this method.",
                        failure.getResponse().getHeaderString("Allow"));
            case 406 -> Problems.notAcceptable("This resource cannot produce the requested media type.");
            case 413 -> Problems.payloadTooLarge(BodySizeLimit.MAX_BYTES);
            case 415 -> Problems.unsupportedMediaType("This resource does not accept this media type.");
            default ->
                status >= 500
                        ? classify((Throwable) failure)
                        : Problems.of(
                                "http-" + status,
                                failure.getResponse().getStatusInfo().getReasonPhrase(),
                                status,
                                failure.getResponse().getStatusInfo().getReasonPhrase());
        };
    }

    private static ProblemException causeProblem(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException || t instanceof JsonParsingException || t instanceof JsonbException) {
                return classify(cause);
            }
        }
        return null;
    }
}
