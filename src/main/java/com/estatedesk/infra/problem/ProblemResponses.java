package com.estatedesk.infra.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;

/** Renders a {@link ProblemException} as an HTTP response. */
public final class ProblemResponses {

    /** Problems omit empty members (no "errors": null), unlike the API's resources. */
    private static final Jsonb JSON = JsonbBuilder.create();

    private ProblemResponses() {}

    public static String toJson(Problem problem) {
        return JSON.toJson(problem);
    }

    /** The same answer outside JAX-RS, from a servlet. */
    public static void write(jakarta.servlet.http.HttpServletResponse response, ProblemException problem)
            throws java.io.IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        problem.headers().forEach(response::setHeader);
        response.getWriter().write(toJson(problem.problem()));
    }

    public static Response of(ProblemException problem) {
        Response.ResponseBuilder response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(toJson(problem.problem()));
        problem.headers().forEach(response::header);
        return response.build();
    }
}
