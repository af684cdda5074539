package org.debtledger.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * The refusals no controller answers, as problem+json like every other: an unknown path (404), a method an
 * endpoint does not serve (405), a request the firewall refused (400), through the servlet container's error
 * dispatch; and what Tomcat refuses before any servlet sees it (an encoded slash, NUL or backslash in the path,
 * TRACE), through its error report valve. Never Tomcat's HTML page or Spring's default JSON.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorAnswers {

    /** What a refusal of a bare status says. */
    record Refusal(String type, String title, String detail) {

        static Refusal of(int status, String method, String path) {
            return switch (status) {
                case 400 -> new Refusal("malformed-request", "Malformed request",
                        "the request's path, method or headers are not accepted");
                case 401 -> new Refusal("unauthenticated", "Authentication required",
                        "every endpoint but the health probe needs a signed token or a local user's credentials");
                case 403 -> new Refusal("forbidden", "Forbidden", method + " " + path + " is not allowed");
                case 404 -> new Refusal("not-found", "Not found", "no endpoint answers " + method + " " + path);
                case 405 -> new Refusal("method-not-allowed", "Method not allowed",
                        method + " is not served at " + path);
                default -> {
                    HttpStatus known = HttpStatus.resolve(status);
                    String title = known != null ? known.getReasonPhrase() : "Error";
                    yield new Refusal(status >= 500 ? "internal-error" : "http-" + status, title,
                            status >= 500 ? "the ledger could not complete the request" : title);
                }
            };
        }
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String path)
            throws IOException {
        Refusal refusal = Refusal.of(status, request.getMethod(), path);
        LedgerSecurity.problem(request, response, status, refusal.type(), refusal.title(), refusal.detail());
    }

    /**
     * Whatever reached the container's error dispatch: {@code sendError} from Spring, the firewall or Tomcat.
     * Registered as a member of this configuration.
     */
    @RestController
    static class Errors implements ErrorController {

        @RequestMapping("${server.error.path:${error.path:/error}}")
        void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            write(request, response, status instanceof Integer code ? code : 500,
                    path instanceof String uri ? uri : request.getRequestURI());
        }
    }

    /** Tomcat's host gets {@link ProblemReportValve} in place of its HTML error report. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemReportValve());
            }
        }));
    }

    /** Tomcat's own refusals, written as problem+json instead of its HTML error page. */
    static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                PrintWriter reporter = response.getReporter();
                if (reporter == null) {
                    return;
                }
                Refusal refusal = Refusal.of(status, request.getMethod(), request.getDecodedRequestURI());
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                reporter.write(Problems.json(status, refusal.type(), refusal.title(), refusal.detail(),
                        request.getRequestURI()));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response was committed meanwhile: nothing more can be said
            }
        }
    }
}
