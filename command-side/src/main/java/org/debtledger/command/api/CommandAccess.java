package org.debtledger.command.api;

import org.debtledger.edge.AccessRules;
import org.debtledger.edge.LedgerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

import static org.debtledger.edge.AccessRules.anyOf;
import static org.debtledger.edge.Role.ADVISOR;
import static org.debtledger.edge.Role.OPERATOR;

/** Who may send commands: advisors work the debts; operators run close of business. */
@Configuration(proxyBeanMethods = false)
@Import(LedgerSecurity.class)
class CommandAccess {

    @Bean
    AccessRules commandEndpoints() {
        return endpoints -> endpoints
                .requestMatchers(HttpMethod.POST, "/api/v1/debts", "/api/v1/debts/**").hasAnyAuthority(anyOf(ADVISOR))
                .requestMatchers(HttpMethod.POST, "/api/v1/operations/**").hasAnyAuthority(anyOf(OPERATOR));
    }
}
