package org.debtledger.portal;

import jakarta.servlet.DispatcherType;
import org.debtledger.client.LedgerApi;
import org.debtledger.edge.Role;
import org.debtledger.edge.SignInThrottle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import java.time.Duration;

/**
 * Who may open the portal: a person signed in with the reference on their letter and its access code, as a debtor of
 * that reference, for a session that ends on sign-out or after {@code ledger.portal.session-timeout} unused (15
 * minutes). The portal keeps its sign-in, its CSRF token and the page asked for before signing in under session
 * attributes of its own, so a console sign-in in the same browser never becomes a portal one nor the reverse. Every
 * form carries a CSRF token; the pages work without script, run none inline and load nothing from elsewhere.
 */
@Configuration(proxyBeanMethods = false)
public class PortalSecurity {

    static final String SIGN_IN = "/portal/sign-in";
    static final String SIGN_OUT = "/portal/sign-out";
    static final String HOME = "/portal/debts";

    static final String CONTEXT_ATTRIBUTE = "DEBT_LEDGER_PORTAL_SECURITY_CONTEXT";
    static final String CSRF_ATTRIBUTE = "DEBT_LEDGER_PORTAL_CSRF_TOKEN";
    static final String SAVED_REQUEST_ATTRIBUTE = "DEBT_LEDGER_PORTAL_SAVED_REQUEST";

    /**
     * Scripts (only the statement's print button), styles and images from this origin only, none inline; no framing;
     * no form sent elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(-2) // before the console's and the API's chains
    SecurityFilterChain portalFilterChain(HttpSecurity http, LedgerApi api, SignInThrottle throttle,
                                          ObjectProvider<AuthenticationEventPublisher> publishers,
                                          ApplicationEventPublisher events,
                                          @Value("${ledger.portal.session-timeout:15m}") Duration timeout)
            throws Exception {
        // Only the access code signs a person in here: a manager of its own, with no parent, so the staff's local
        // users can never sign in to the portal.
        ProviderManager signIn = new ProviderManager(new AccessCodeSignIn(api));
        signIn.setAuthenticationEventPublisher(publishers.getIfAvailable(
                () -> new DefaultAuthenticationEventPublisher(events)));
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(CONTEXT_ATTRIBUTE);
        HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
        csrfTokens.setSessionAttributeName(CSRF_ATTRIBUTE);
        HttpSessionRequestCache pagesAskedFor = new HttpSessionRequestCache();
        pagesAskedFor.setSessionAttrName(SAVED_REQUEST_ATTRIBUTE);
        SavedRequestAwareAuthenticationSuccessHandler toPageAskedFor = new SavedRequestAwareAuthenticationSuccessHandler();
        toPageAskedFor.setDefaultTargetUrl(HOME);
        toPageAskedFor.setRequestCache(pagesAskedFor);
        AuthenticationSuccessHandler signedIn = (request, response, authentication) -> {
            request.getSession().setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
            toPageAskedFor.onAuthenticationSuccess(request, response, authentication);
        };
        http.securityMatcher("/", "/portal", "/portal/**")
                .authenticationManager(signIn)
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(pagesAskedFor))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .authorizeHttpRequests(pages -> pages
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/", "/portal", SIGN_IN, "/portal/assets/**").permitAll()
                        .anyRequest().hasAuthority(Role.DEBTOR.authority()))
                .formLogin(form -> form.loginPage(SIGN_IN).successHandler(signedIn).failureHandler(failed()))
                .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl(SIGN_IN + "?signed-out")
                        // the session may hold a console sign-in too, and the language chosen: only ours ends
                        .invalidateHttpSession(false))
                .httpBasic(basic -> basic.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(throttle.formFilter(SIGN_IN), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** Back to the form, saying why: a wrong code, an expired one, a wait, or the ledger out of reach. */
    private static AuthenticationFailureHandler failed() {
        return (request, response, failure) -> response.sendRedirect(request.getContextPath() + SIGN_IN + "?"
                + why(failure));
    }

    static String why(AuthenticationException failure) {
        if (failure instanceof AccessCodeSignIn.MustWait wait) {
            return "wait=" + wait.seconds();
        }
        if (failure instanceof CredentialsExpiredException) {
            return "expired";
        }
        if (failure instanceof org.springframework.security.authentication.BadCredentialsException) {
            return "failed";
        }
        return "unavailable";
    }
}
