package com.estatedesk.infra.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Every failure leaves the API as application/problem+json; never a stack trace. */
public final class ProblemMappers {

    private ProblemMappers() {}

    @Provider
    public static class ForProblems implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException problem) {
            return ProblemResponses.of(problem);
        }
    }

    @Provider
    public static class ForRestRuntime implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException failure) {
            return ProblemResponses.of(FailureClassifier.classifyRuntimeStatus(failure));
        }
    }

    @Provider
    public static class ForBeanValidation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException failure) {
            List<Problem.FieldError> errors = failure.getConstraintViolations().stream()
                    .map(violation -> new Problem.FieldError(fieldName(violation), violation.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            return ProblemResponses.of(Problems.invalid(errors));
        }

        /** "create.request.name" → "name": the client knows the body, not our method names. */
        private static String fieldName(ConstraintViolation<?> violation) {
            String field = null;
            int depth = 0;
            for (Path.Node node : violation.getPropertyPath()) {
                depth++;
                if (depth > 2 && node.getName() != null) {
                    field = field == null ? node.getName() : field + "." + node.getName();
                }
            }
            return field != null ? field : "body";
        }
    }

    @Provider
    public static class ForEverythingElse implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable failure) {
            return ProblemResponses.of(FailureClassifier.classify(failure));
        }
    }
}
