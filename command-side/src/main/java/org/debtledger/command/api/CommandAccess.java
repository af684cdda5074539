package org.debtledger.command.api;

import org.debtledger.edge.AccessRules;
import org.debtledger.edge.LedgerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

import static org.debtledger.edge.AccessRules.anyOf;
import static org.debtledger.edge.Role.ADVISOR;
import static org.debtledger.edge.Role.COMPLIANCE;
import static org.debtledger.edge.Role.DEBTOR;
import static org.debtledger.edge.Role.OPERATOR;

/**
 * Who may send commands: advisors work the debts; operators run close of business, apply bank files and follow
 * those runs, keep the reference rates, which every staff role may read, and keep the creditors and their
 * contracts; a debtor acts on their own debts
 * through self-service.
 */
@Configuration(proxyBeanMethods = false)
@Import(LedgerSecurity.class)
class CommandAccess {

    @Bean
    AccessRules commandEndpoints() {
        return endpoints -> endpoints
                .requestMatchers(HttpMethod.POST, "/api/v1/debts", "/api/v1/debts/**").hasAnyAuthority(anyOf(ADVISOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/debts/*/payment-plans/quote").hasAnyAuthority(anyOf(ADVISOR))
                .requestMatchers(HttpMethod.POST, "/api/v1/operations/**").hasAnyAuthority(anyOf(OPERATOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/operations/runs", "/api/v1/operations/runs/*")
                .hasAnyAuthority(anyOf(OPERATOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/reference-rates/*")
                .hasAnyAuthority(anyOf(ADVISOR, COMPLIANCE, OPERATOR))
                .requestMatchers(HttpMethod.PUT, "/api/v1/reference-rates/*/*").hasAnyAuthority(anyOf(OPERATOR))
                .requestMatchers(HttpMethod.PUT, "/api/v1/creditors/*").hasAnyAuthority(anyOf(OPERATOR))
                .requestMatchers(HttpMethod.POST, "/api/v1/creditors/*/contracts").hasAnyAuthority(anyOf(OPERATOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/self-service/debts/**").hasAnyAuthority(anyOf(DEBTOR))
                .requestMatchers(HttpMethod.POST, "/api/v1/self-service/debts/**").hasAnyAuthority(anyOf(DEBTOR));
    }
}
