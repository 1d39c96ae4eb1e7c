package com.estatedesk.problem;

import com.estatedesk.rest.BodySizeLimit;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The servlet container's error page (web.xml): its errors also leave as problem+json. */
@WebServlet("/problem")
public class ContainerErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 404;
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemException problem = switch (status) {
            case 404 -> Problems.of("not-found", "Not found", 404, "No resource at this path.");
            case 405 -> Problems.methodNotAllowed("This resource does not support this method.", null);
            case 413 -> Problems.payloadTooLarge(BodySizeLimit.MAX_BYTES);
            default -> thrown instanceof Throwable failure ? FailureClassifier.classify(failure) : Problems.internal();
        };
        ProblemResponses.write(response, problem);
    }
}
