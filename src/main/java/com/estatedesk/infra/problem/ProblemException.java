package com.estatedesk.infra.problem;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;

/**
 * A failure with a defined HTTP answer. An application exception: it rolls the transaction back and
 * reaches the REST layer unwrapped. Create instances with {@link Problems}.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers;

    ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title + ": " + problem.detail, null, false, false);
        this.problem = problem;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public List<Problem.FieldError> errors() {
        return problem.errors == null ? List.of() : problem.errors;
    }
}
