package com.estatedesk.infra.rest;

import com.estatedesk.infra.problem.FailureClassifier;
import com.estatedesk.infra.problem.ProblemException;
import com.estatedesk.infra.problem.ProblemResponses;
import com.estatedesk.infra.problem.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The servlet container's error page (web.xml, for every status): what the container or the REST layer
 * refuses before any resource runs (a Content-Type or Accept header that cannot be parsed, an unknown
 * path) also leaves as problem+json, never as the server's HTML page.
 */
@WebServlet("/problem")
public class ContainerErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 404;
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemException problem = switch (status) {
            case 400 ->
                Problems.badRequest("The request could not be read: check its Content-Type and Accept headers.");
            case 404 -> Problems.of("not-found", "Not found", 404, "No resource at this path.");
            case 406 ->
                Problems.notAcceptable("This resource answers application/json (errors application/problem+json).");
            case 415 -> Problems.unsupportedMediaType("Send the body as application/json.");
            case 405 -> Problems.methodNotAllowed("This resource does not support this method.", null);
            case 413 -> Problems.payloadTooLarge(BodySizeLimit.MAX_BYTES);
            default ->
                thrown instanceof Throwable failure
                        ? FailureClassifier.classify(failure)
                        : status < 500
                                ? Problems.of(
                                        "client-error", "Request refused", status, "The server refused this request.")
                                : Problems.internal();
        };
        ProblemResponses.write(response, problem);
    }
}
