package org.debtledger.query.api;

import org.debtledger.edge.AccessRules;
import org.debtledger.edge.ApiDescription;
import org.debtledger.edge.LedgerSecurity;
import org.debtledger.edge.ProblemCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.List;

import static org.debtledger.edge.AccessRules.on;
import static org.debtledger.edge.AccessRules.onAnyMethod;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
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
@Import({LedgerSecurity.class, ApiDescription.class})
class QueryAccess {

    @Bean
    AccessRules queryEndpoints() {
        return () -> List.of(
                on(GET, "/api/v1/debts/*/history").allow(ADVISOR, COMPLIANCE),
                on(GET, "/api/v1/debts/*", "/api/v1/debtors/*/balance").allow(ADVISOR, COMPLIANCE, CREDITOR),
                on(GET, "/api/v1/search").allow(ADVISOR, COMPLIANCE, CREDITOR),
                on(GET, "/api/v1/advisor-queue", "/api/v1/advisor-queue/stream").allow(ADVISOR, COMPLIANCE),
                on(GET, "/api/v1/portfolio/ageing", "/api/v1/portfolio/recovery",
                        "/api/v1/portfolio/plans", "/api/v1/portfolio/promises", "/api/v1/portfolio/queue",
                        "/api/v1/portfolio/feedback").allow(ADVISOR, COMPLIANCE),
                on(GET, "/api/v1/events", "/api/v1/events/stream").allow(INTEGRATION, COMPLIANCE, CREDITOR),
                on(PUT, "/api/v1/debtors/*/personal-data").allow(ADVISOR),
                on(GET, "/api/v1/debtors/*/personal-data").allow(ADVISOR, COMPLIANCE),
                on(PUT, "/api/v1/debts/*/contacts/*/note").allow(ADVISOR),
                on(GET, "/api/v1/debts/*/contact-notes").allow(ADVISOR, COMPLIANCE),
                on(POST, "/api/v1/debtors/*/erasure").allow(COMPLIANCE),
                on(GET, "/api/v1/access-log").allow(COMPLIANCE),
                on(GET, "/api/v1/creditors/*", "/api/v1/creditors/*/remittance").allow(OPERATOR, CREDITOR),
                onAnyMethod("/api/v1/admin/**").allow(OPERATOR),
                on(POST, "/api/v1/debtors/*/access-codes").allow(ADVISOR, OPERATOR),
                // a debtor signs in with a reference and an access code, so nothing is asked of them before
                on(POST, "/api/v1/self-service/sign-in").allowAnyone(),
                on(GET, "/api/v1/self-service/**").allow(DEBTOR),
                on(POST, "/api/v1/self-service/feedback").allow(DEBTOR));
    }

    @Bean
    ProblemCatalogue queryRefusals() {
        return QueryProblems.catalogue();
    }
}
