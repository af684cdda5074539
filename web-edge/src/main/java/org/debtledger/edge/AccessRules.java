package org.debtledger.edge;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which roles may call which endpoints of one side; each side contributes its own. Anything no rule names is
 * refused, so a new endpoint is closed until it is given a rule.
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints);

    /** The authorities of {@code roles}, for {@code hasAnyAuthority}. */
    static String[] anyOf(Role... roles) {
        String[] authorities = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            authorities[i] = roles[i].authority();
        }
        return authorities;
    }
}
