package org.debtledger.edge;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.List;
import java.util.Set;

/**
 * Whether an endpoint serves a request's method and path, so that a request no access rule names is told apart:
 * an endpoint that exists is refused for the caller's role (403), a path or method nobody serves is answered as
 * unknown (404, 405) without revealing more to a caller who has not signed in.
 */
final class KnownEndpoints {

    private record Endpoint(PathPattern pattern, Set<RequestMethod> methods) {
    }

    private final ApplicationContext context;
    private volatile List<Endpoint> endpoints;

    KnownEndpoints(ApplicationContext context) {
        this.context = context;
    }

    boolean serve(HttpServletRequest request) {
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        for (Endpoint endpoint : endpoints()) {
            if ((endpoint.methods().isEmpty() || endpoint.methods().stream()
                    .anyMatch(method -> method.name().equals(request.getMethod())))
                    && endpoint.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** Read once the handler mappings are made: every controller method's path patterns and methods. */
    private List<Endpoint> endpoints() {
        if (endpoints == null) {
            endpoints = context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().stream()
                    .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                    .filter(info -> info.getPathPatternsCondition() != null)
                    .flatMap(info -> info.getPathPatternsCondition().getPatterns().stream()
                            .map(pattern -> new Endpoint(pattern, info.getMethodsCondition().getMethods())))
                    .toList();
        }
        return endpoints;
    }
}
