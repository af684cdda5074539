package org.debtledger.edge;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which roles may call which endpoints of one side; each side contributes its own. Anything no rule names is
 * refused, so a new endpoint is closed until it is given a rule. The rules are data, read in order, the first that
 * names a request deciding it: the security layer enforces them and the API's description tells them.
 */
@FunctionalInterface
public interface AccessRules {

    List<Rule> rules();

    /** Requests with {@code method} on {@code paths}, to be given to some roles; {@code null} for any method. */
    static Requests on(HttpMethod method, String... paths) {
        return new Requests(method, List.of(paths));
    }

    /** Requests with any method on {@code paths}. */
    static Requests onAnyMethod(String... paths) {
        return on(null, paths);
    }

    record Requests(HttpMethod method, List<String> paths) {

        public Rule allow(Role... roles) {
            if (roles.length == 0) {
                throw new IllegalArgumentException("a rule names the roles it allows, or allows anyone");
            }
            return new Rule(method, paths, EnumSet.copyOf(Arrays.asList(roles)));
        }

        /** Open without signing in: the request itself says whether it passes, as a sign-in does. */
        public Rule allowAnyone() {
            return new Rule(method, paths, Set.of());
        }
    }

    /** {@code method} (any when {@code null}) on any of {@code paths} is for {@code roles}, or for anyone if none. */
    record Rule(HttpMethod method, List<String> paths, Set<Role> roles) {

        public Rule {
            paths = List.copyOf(paths);
            roles = Set.copyOf(roles);
        }

        public boolean anyone() {
            return roles.isEmpty();
        }

        /** Whether this rule names {@code method} on {@code path}, a path as requested (no template). */
        public boolean names(HttpMethod method, String path) {
            PathContainer requested = PathContainer.parsePath(path);
            return (this.method == null || this.method.equals(method)) && paths.stream()
                    .anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(requested));
        }

        void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
            String[] patterns = paths.toArray(String[]::new);
            var matched = method == null ? endpoints.requestMatchers(patterns)
                    : endpoints.requestMatchers(method, patterns);
            if (anyone()) {
                matched.permitAll();
            } else {
                matched.hasAnyAuthority(roles.stream().sorted().map(Role::authority).toArray(String[]::new));
            }
        }
    }
}
