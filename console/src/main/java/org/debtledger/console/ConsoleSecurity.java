package org.debtledger.console;

import jakarta.servlet.DispatcherType;
import org.debtledger.edge.LedgerSecurity;
import org.debtledger.edge.SignInThrottle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may open the console: a person signed in with the form (a local user) or through the agency's identity provider
 * (OpenID Connect, when {@code spring.security.oauth2.client.registration.*} names one other than the debtors'
 * provider, {@code ledger.portal.identity-provider}, which signs people in to the portal only), and a session that
 * ends on sign-out or after half an hour unused. Every form carries a CSRF token; the pages run no inline script and
 * load nothing from elsewhere. Which page shows what follows the person's roles, and the API they act through checks
 * again.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {

    static final String SIGN_IN = "/console/sign-in";
    static final String SIGN_OUT = "/console/sign-out";

    /** Scripts, styles and images from this origin only, and no inline script; no framing, no form elsewhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Bean
    @Order(-1) // before the API's chain, which takes every path
    SecurityFilterChain consoleFilterChain(HttpSecurity http, SignInThrottle throttle, LedgerSecurity.Settings settings,
                                           ObjectProvider<ClientRegistrationRepository> identityProviders,
                                           @Value("${ledger.portal.identity-provider:}") String debtorsProvider)
            throws Exception {
        List<ClientRegistration> staffProviders = staffProviders(identityProviders, debtorsProvider);
        http.securityMatcher("/console", "/console/**", "/webjars/**", "/oauth2/authorization/**",
                        "/login/oauth2/code/**")
                .authorizeHttpRequests(pages -> pages
                        // a page's stream was authorized when it was asked for; its continuation is part of it
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(SIGN_IN, "/console/assets/**", "/webjars/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN).defaultSuccessUrl("/console")
                        .failureUrl(SIGN_IN + "?failed"))
                .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl(SIGN_IN + "?signed-out")
                        .deleteCookies("JSESSIONID"))
                .httpBasic(basic -> basic.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(throttle.formFilter(SIGN_IN), UsernamePasswordAuthenticationFilter.class);
        if (!staffProviders.isEmpty()) {
            // the person's roles come from the identity token's claims, named as for the API's tokens
            GrantedAuthoritiesMapper roles = granted -> granted.stream()
                    .filter(OidcUserAuthority.class::isInstance).map(OidcUserAuthority.class::cast)
                    .flatMap(oidc -> LedgerSecurity.authoritiesOf(oidc.getIdToken().getClaims(), settings.jwt())
                            .stream())
                    .toList();
            http.oauth2Login(login -> login.loginPage(SIGN_IN).defaultSuccessUrl("/console")
                    .clientRegistrationRepository(new InMemoryClientRegistrationRepository(staffProviders))
                    .failureUrl(SIGN_IN + "?failed")
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(roles)));
        }
        return http.build();
    }

    /** Every identity provider configured but the debtors' one: a debtor's identity never signs anyone in here. */
    static List<ClientRegistration> staffProviders(ObjectProvider<ClientRegistrationRepository> identityProviders,
                                                   String debtorsProvider) {
        List<ClientRegistration> staff = new ArrayList<>();
        if (identityProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            registrations.forEach(registration -> {
                if (!((ClientRegistration) registration).getRegistrationId().equals(debtorsProvider.strip())) {
                    staff.add((ClientRegistration) registration);
                }
            });
        }
        return staff;
    }
}
