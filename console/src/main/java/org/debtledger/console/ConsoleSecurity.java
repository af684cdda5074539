package org.debtledger.console;

import jakarta.servlet.DispatcherType;
import org.debtledger.edge.SignInThrottle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may open the console: a person signed in with the form (a local user) and a session that ends on sign-out
 * or after half an hour unused. Every form carries a CSRF token; the pages run no inline script and load nothing
 * from elsewhere. Which page shows what follows the person's roles, and the API they act through checks again.
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
    SecurityFilterChain consoleFilterChain(HttpSecurity http, SignInThrottle throttle) throws Exception {
        http.securityMatcher("/console", "/console/**", "/webjars/**")
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
        return http.build();
    }
}
