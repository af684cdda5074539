package org.debtledger.portal;

import jakarta.servlet.DispatcherType;
import org.debtledger.client.LedgerApi;
import org.debtledger.edge.LedgerSecurity;
import org.debtledger.edge.Role;
import org.debtledger.edge.SignInThrottle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Who may open the portal: a person signed in with the reference on their letter and its access code, as a debtor of
 * that reference, or through the debtors' identity provider (OpenID Connect, when
 * {@code ledger.portal.identity-provider} names its client registration) as a debtor of the references its identity
 * token names, for a session that ends on sign-out or after {@code ledger.portal.session-timeout} unused (15 minutes).
 * The portal keeps its sign-in, its CSRF token, the page asked for before signing in and a sign-in under way at the
 * identity provider under session attributes of its own, so a console sign-in in the same browser never becomes a
 * portal one nor the reverse. Every form carries a CSRF token; the pages work without script, run none inline and
 * load nothing from elsewhere.
 */
@Configuration(proxyBeanMethods = false)
public class PortalSecurity {

    static final String SIGN_IN = "/portal/sign-in";
    static final String SIGN_OUT = "/portal/sign-out";
    static final String HOME = "/portal/debts";
    /** Where the portal sends a person to the identity provider: this, then the registration's id. */
    static final String IDENTITY_PROVIDER = "/portal/oauth2/authorization";
    static final String IDENTITY_PROVIDER_ANSWERS = "/portal/login/oauth2/code/*";
    /** Where the provider sends the person back, unless the registration names an address there of its own. */
    static final String REDIRECT_URI = "{baseUrl}/portal/login/oauth2/code/{registrationId}";

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
                                          ApplicationEventPublisher events, LedgerSecurity.Settings settings,
                                          ObjectProvider<ClientRegistrationRepository> registrations,
                                          @Value("${ledger.portal.identity-provider:}") String identityProvider,
                                          @Value("${ledger.portal.session-timeout:15m}") Duration timeout)
            throws Exception {
        ClientRegistration debtorsProvider = debtorsProvider(registrations.getIfAvailable(), identityProvider);
        // Only the access code and the debtors' identity provider sign a person in here: a manager of its own, with
        // no parent, so the staff's local users can never sign in to the portal (and oauth2Login's own provider
        // would be left out of it: the identity provider's is made here).
        List<AuthenticationProvider> ways = new ArrayList<>(List.of(new AccessCodeSignIn(api)));
        if (debtorsProvider != null) {
            OidcAuthorizationCodeAuthenticationProvider identified = new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService());
            identified.setAuthoritiesMapper(new IdentifiedDebtor(settings.jwt()));
            ways.add(identified);
        }
        ProviderManager signIn = new ProviderManager(ways);
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
        if (debtorsProvider != null) {
            // its own endpoints and only its own registration, so a staff registration never signs anyone in here
            http.oauth2Login(login -> login.loginPage(SIGN_IN)
                    .clientRegistrationRepository(new InMemoryClientRegistrationRepository(debtorsProvider))
                    .authorizationEndpoint(asking -> asking.baseUri(IDENTITY_PROVIDER)
                            .authorizationRequestRepository(new PortalAuthorizationRequests()))
                    .redirectionEndpoint(answers -> answers.baseUri(IDENTITY_PROVIDER_ANSWERS))
                    .successHandler(signedIn).failureHandler(failed()));
        }
        return http.build();
    }

    /**
     * The registration {@code id} names, which must be an OpenID Connect one, answered at the portal's own address
     * (Spring's default one is the console's); none when no id is given.
     */
    static ClientRegistration debtorsProvider(ClientRegistrationRepository registrations, String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        ClientRegistration registration = registrations == null ? null : registrations.findByRegistrationId(id);
        if (registration == null) {
            throw new IllegalStateException("ledger.portal.identity-provider is " + id + ", but no"
                    + " spring.security.oauth2.client.registration." + id + " is configured");
        }
        if (!registration.getScopes().contains("openid")) {
            throw new IllegalStateException("the debtors' identity provider " + id + " must sign people in by"
                    + " OpenID Connect: add openid to spring.security.oauth2.client.registration." + id + ".scope");
        }
        if (registration.getRedirectUri() != null
                && registration.getRedirectUri().contains(IDENTITY_PROVIDER_ANSWERS.replace("*", ""))) {
            return registration;
        }
        return ClientRegistration.withClientRegistration(registration).redirectUri(REDIRECT_URI).build();
    }

    /**
     * Back to the form, saying why: a wrong code, an expired one, a wait, no debts under the identity the provider
     * vouched for, or the ledger (or the provider) out of reach.
     */
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
        if (failure instanceof OAuth2AuthenticationException identified
                && IdentifiedDebtor.NO_DEBTOR_REFERENCE.equals(identified.getError().getErrorCode())) {
            return "no-debts";
        }
        return "unavailable";
    }
}
