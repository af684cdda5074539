package org.debtledger.query.api;

import org.debtledger.edge.AccessRules;
import org.debtledger.edge.LedgerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

import static org.debtledger.edge.AccessRules.anyOf;
import static org.debtledger.edge.Role.ADVISOR;
import static org.debtledger.edge.Role.COMPLIANCE;
import static org.debtledger.edge.Role.CREDITOR;
import static org.debtledger.edge.Role.DEBTOR;
import static org.debtledger.edge.Role.INTEGRATION;
import static org.debtledger.edge.Role.OPERATOR;

/**
 * Who may read what. A creditor passes here for debts, balances, search, the stream and creditors' remittances,
 * and is then shown only its own debts, events and remittance by the endpoints themselves; a debtor reads only through self-service, which shows them
 * only their own debts.
 */
@Configuration(proxyBeanMethods = false)
@Import(LedgerSecurity.class)
class QueryAccess {

    @Bean
    AccessRules queryEndpoints() {
        return endpoints -> endpoints
                .requestMatchers(HttpMethod.GET, "/api/v1/debts/*/history").hasAnyAuthority(anyOf(ADVISOR, COMPLIANCE))
                .requestMatchers(HttpMethod.GET, "/api/v1/debts/*", "/api/v1/debtors/*/balance")
                .hasAnyAuthority(anyOf(ADVISOR, COMPLIANCE, CREDITOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/search").hasAnyAuthority(anyOf(ADVISOR, COMPLIANCE, CREDITOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/advisor-queue", "/api/v1/advisor-queue/stream")
                .hasAnyAuthority(anyOf(ADVISOR, COMPLIANCE))
                .requestMatchers(HttpMethod.GET, "/api/v1/portfolio/ageing", "/api/v1/portfolio/recovery",
                        "/api/v1/portfolio/plans", "/api/v1/portfolio/promises", "/api/v1/portfolio/queue",
                        "/api/v1/portfolio/feedback")
                .hasAnyAuthority(anyOf(ADVISOR, COMPLIANCE))
                .requestMatchers(HttpMethod.GET, "/api/v1/events", "/api/v1/events/stream")
                .hasAnyAuthority(anyOf(INTEGRATION, COMPLIANCE, CREDITOR))
                .requestMatchers(HttpMethod.PUT, "/api/v1/debtors/*/personal-data").hasAnyAuthority(anyOf(ADVISOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/debtors/*/personal-data")
                .hasAnyAuthority(anyOf(ADVISOR, COMPLIANCE))
                .requestMatchers(HttpMethod.PUT, "/api/v1/debts/*/contacts/*/note").hasAnyAuthority(anyOf(ADVISOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/debts/*/contact-notes")
                .hasAnyAuthority(anyOf(ADVISOR, COMPLIANCE))
                .requestMatchers(HttpMethod.POST, "/api/v1/debtors/*/erasure").hasAnyAuthority(anyOf(COMPLIANCE))
                .requestMatchers(HttpMethod.GET, "/api/v1/access-log").hasAnyAuthority(anyOf(COMPLIANCE))
                .requestMatchers(HttpMethod.GET, "/api/v1/creditors/*", "/api/v1/creditors/*/remittance")
                .hasAnyAuthority(anyOf(OPERATOR, CREDITOR))
                .requestMatchers("/api/v1/admin/**").hasAnyAuthority(anyOf(OPERATOR))
                .requestMatchers(HttpMethod.POST, "/api/v1/debtors/*/access-codes")
                .hasAnyAuthority(anyOf(ADVISOR, OPERATOR))
                // a debtor signs in with a reference and an access code, so nothing is asked of them before
                .requestMatchers(HttpMethod.POST, "/api/v1/self-service/sign-in").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/self-service/**").hasAnyAuthority(anyOf(DEBTOR))
                .requestMatchers(HttpMethod.POST, "/api/v1/self-service/feedback").hasAnyAuthority(anyOf(DEBTOR));
    }
}
