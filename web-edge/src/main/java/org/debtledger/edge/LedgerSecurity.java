package org.debtledger.edge;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one security setup both sides share. Every endpoint needs an authenticated caller, except the health
 * probe; which roles may call what comes from each side's {@link AccessRules}, and anything they do not name
 * is refused. Callers authenticate with a signed JWT from the agency's identity provider (when
 * {@code spring.security.oauth2.resourceserver.jwt.*} configures one) or, where local users are enabled, with
 * HTTP Basic. Refusals are problem+json: 401 who are you, 403 not for your role.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerSecurity.Settings.class)
@Import({StrictInput.class, ErrorAnswers.class})
public class LedgerSecurity {

    private static final String[] HEALTH = {"/actuator/health", "/actuator/health/**"};
    private static final String METRICS = "/actuator/prometheus";

    private static final Logger log = LoggerFactory.getLogger(LedgerSecurity.class);

    /**
     * @param localUsers the standalone ledger's users (off unless enabled)
     * @param jwt        which claims of a token carry the roles and a creditor's id
     */
    @ConfigurationProperties("ledger.security")
    public record Settings(LocalUserSettings localUsers, JwtClaims jwt, LocalTokenSettings localTokens) {

        public Settings {
            localUsers = localUsers != null ? localUsers : new LocalUserSettings(false, null, List.of());
            jwt = jwt != null ? jwt : new JwtClaims(null, null, null);
            localTokens = localTokens != null ? localTokens : new LocalTokenSettings(null, null, false, null);
        }
    }

    /**
     * The key the ledger signs its own tokens with ({@link LocalTokens}): {@code key} (32 bytes in base64), else the
     * file {@code keyFile}, made at the first start if {@code generate}; and how long a token lasts.
     */
    public record LocalTokenSettings(String key, Path keyFile, boolean generate, Duration lifetime) {

        public LocalTokenSettings {
            lifetime = lifetime != null ? lifetime : Duration.ofMinutes(5);
        }
    }

    public record LocalUserSettings(boolean enabled, Path store, List<LocalUsers.Account> users) {

        public LocalUserSettings {
            users = users != null ? List.copyOf(users) : List.of();
        }
    }

    /**
     * Which claims of a token carry the roles, a creditor's id, and a debtor's references (a list, or one string
     * separated by spaces: a person may owe under more than one reference).
     */
    public record JwtClaims(String rolesClaim, String creditorClaim, String debtorClaim) {

        public JwtClaims {
            rolesClaim = rolesClaim != null ? rolesClaim : "roles";
            creditorClaim = creditorClaim != null ? creditorClaim : "creditor_id";
            debtorClaim = debtorClaim != null ? debtorClaim : "debtor_ids";
        }
    }

    /**
     * The health probe reads no credentials at all: with a wrong password it answers exactly as without one, and
     * it is no oracle for guessing passwords.
     */
    @Bean
    @Order(0)
    SecurityFilterChain healthProbe(HttpSecurity http) throws Exception {
        return http.securityMatcher(HEALTH)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(endpoints -> endpoints.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain ledgerFilterChain(HttpSecurity http, List<AccessRules> rules,
                                          ObjectProvider<JwtDecoder> jwtDecoder, Settings settings,
                                          ObjectProvider<LocalTokens> localTokens, ApplicationContext context,
                                          SignInThrottle throttle) throws Exception {
        KnownEndpoints known = new KnownEndpoints(context);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(endpoints -> {
                    // the original request was authorized; its error page and async continuation are part of it
                    endpoints.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    rules.forEach(side -> side.rules().forEach(rule -> rule.apply(endpoints)));
                    // an endpoint no rule opens to the caller is refused; a path or method nobody serves is unknown
                    endpoints.anyRequest().access((authentication, request) -> new AuthorizationDecision(
                            signedIn(authentication.get()) && !known.serve(request.getRequest())));
                })
                .exceptionHandling(refusals -> refusals
                        .authenticationEntryPoint((request, response, e) -> unauthenticated(request, response))
                        .accessDeniedHandler((request, response, e) -> forbidden(request, response)));
        if (settings.localUsers().enabled()) {
            http.httpBasic(basic -> basic.realmName("debt-ledger")
                    .authenticationEntryPoint((request, response, e) -> unauthenticated(request, response)));
            http.addFilterBefore(throttle.filter(), BasicAuthenticationFilter.class);
        }
        LocalTokens ownTokens = localTokens.getIfAvailable();
        JwtDecoder decoder = ownTokens != null ? ownTokens.before(jwtDecoder.getIfAvailable())
                : jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint((request, response, e) -> unauthenticated(request, response))
                    .accessDeniedHandler((request, response, e) -> forbidden(request, response))
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(token -> {
                        if (token.getSubject() == null || token.getSubject().isBlank()) {
                            throw new BadJwtException("the token names no subject, so no one to record as the actor");
                        }
                        return authorities(settings.jwt()).convert(token);
                    })));
        }
        if (decoder == null && !settings.localUsers().enabled()) {
            log.warn("Neither an identity provider (spring.security.oauth2.resourceserver.jwt.*) nor local users"
                    + " (ledger.security.local-users.enabled) are configured: every request but the health probe"
                    + " will be refused");
        }
        return http.build();
    }

    private static boolean signedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** The local users when enabled, else none: the ledger never falls back to a default user. */
    @Bean
    UserDetailsService localUsers(Settings settings, Environment environment) {
        LocalUserSettings local = settings.localUsers();
        if (!local.enabled()) {
            return new org.springframework.security.provisioning.InMemoryUserDetailsManager();
        }
        if (local.store() == null) {
            throw new IllegalStateException("ledger.security.local-users.store must name the file for generated passwords");
        }
        return LocalUsers.load(local.users(), local.store(), environment, System.out);
    }

    /** The ledger's own tokens, where a key for them is given (the standalone ledger makes one). */
    @Bean
    @ConditionalOnExpression("'${ledger.security.local-tokens.key:}' != ''"
            + " or '${ledger.security.local-tokens.key-file:}' != ''")
    LocalTokens localTokens(Settings settings) {
        LocalTokenSettings local = settings.localTokens();
        String howToSet = "set ledger.security.local-tokens.key (LEDGER_TOKEN_KEY) to 32 random bytes in base64"
                + " (openssl rand -base64 32), the same for every process that signs or checks the ledger's own tokens";
        byte[] key = local.key() != null && !local.key().isBlank()
                ? SecretFile.decode(local.key(), LocalTokens.KEY_BYTES, "LEDGER_TOKEN_KEY", howToSet)
                : SecretFile.read(local.keyFile(), LocalTokens.KEY_BYTES, local.generate(), "token key", howToSet)
                        .secret();
        return new LocalTokens(key, settings.jwt(), local.lifetime(), Clock.systemUTC());
    }

    /**
     * The metrics scrape ({@code /actuator/prometheus}) is for operators only: it tells how busy the ledger is, which
     * rules refuse what, and how far its read models are behind.
     */
    @Bean
    AccessRules metricsEndpoint() {
        return () -> List.of(AccessRules.on(HttpMethod.GET, METRICS).allow(Role.OPERATOR));
    }

    /**
     * No observations of the security filters, authentication and authorization: the ledger's metrics leave them
     * out, and each would wrap every filter of every request.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SignInThrottle signInThrottle() {
        return new SignInThrottle();
    }

    @Bean
    PasswordEncoder localPasswordEncoder() {
        return LocalUsers.passwordEncoder();
    }

    /** A token's roles claim (a list, or a space-separated string) as roles, its creditor and debtor claims. */
    static JwtAuthenticationConverter authorities(JwtClaims claims) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter((Jwt jwt) -> authoritiesOf(jwt.getClaims(), claims));
        return converter;
    }

    /**
     * The roles and the creditor that {@code claims} (of an access token, or of an identity token when a person
     * signs in to the console with the identity provider) carry, as the ledger's authorities.
     */
    public static Collection<GrantedAuthority> authoritiesOf(Map<String, Object> claims, JwtClaims names) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        Object roles = claims.get(names.rolesClaim());
        for (Object name : listed(roles)) {
            for (Role role : Role.values()) {
                if (role.name().equals(String.valueOf(name).toUpperCase(Locale.ROOT))) {
                    authorities.add(new SimpleGrantedAuthority(role.authority()));
                }
            }
        }
        Object creditorId = claims.get(names.creditorClaim());
        if (creditorId != null && !String.valueOf(creditorId).isBlank()) {
            authorities.add(new SimpleGrantedAuthority(Caller.CREDITOR_PREFIX + creditorId));
        }
        for (Object debtorId : listed(claims.get(names.debtorClaim()))) {
            if (!String.valueOf(debtorId).isBlank()) {
                authorities.add(new SimpleGrantedAuthority(Caller.DEBTOR_PREFIX + debtorId));
            }
        }
        return authorities;
    }

    private static Collection<?> listed(Object claim) {
        return claim instanceof Collection<?> list ? list
                : claim instanceof String text ? List.of(text.split(" ")) : List.of();
    }

    private static void unauthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"debt-ledger\", Bearer");
        problem(request, response, Problems.UNAUTHENTICATED,
                "every endpoint but the health probe needs a signed token or a local user's credentials");
    }

    private static void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            unauthenticated(request, response);
            return;
        }
        Caller caller = Caller.from(authentication);
        problem(request, response, Problems.FORBIDDEN,
                request.getMethod() + " " + request.getRequestURI() + " is not allowed for roles " + caller.roles());
    }

    /** A refusal written before any controller runs, in the form the exception handlers answer with. */
    static void problem(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        problem(request, response, type.status().value(), type.type(), type.title(), detail);
    }

    /** A refusal of a bare status, as {@link ErrorAnswers} words it. */
    static void problem(HttpServletRequest request, HttpServletResponse response, int status, String type,
                        String title, String detail) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/problem+json");
        response.getWriter().write(Problems.json(status, type, title, detail, request.getRequestURI()));
    }
}
