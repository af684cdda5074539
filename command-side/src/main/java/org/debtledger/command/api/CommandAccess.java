package org.debtledger.command.api;

import org.debtledger.edge.AccessRules;
import org.debtledger.edge.ApiDescription;
import org.debtledger.edge.LedgerSecurity;
import org.debtledger.edge.ProblemCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.List;

import static org.debtledger.edge.AccessRules.on;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
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
@Import({LedgerSecurity.class, ApiDescription.class})
class CommandAccess {

    @Bean
    AccessRules commandEndpoints() {
        return () -> List.of(
                on(POST, "/api/v1/debts", "/api/v1/debts/**").allow(ADVISOR),
                on(GET, "/api/v1/debts/*/payment-plans/quote").allow(ADVISOR),
                on(POST, "/api/v1/operations/**").allow(OPERATOR),
                on(GET, "/api/v1/operations/runs", "/api/v1/operations/runs/*").allow(OPERATOR),
                on(GET, "/api/v1/reference-rates/*").allow(ADVISOR, COMPLIANCE, OPERATOR),
                on(PUT, "/api/v1/reference-rates/*/*").allow(OPERATOR),
                on(PUT, "/api/v1/creditors/*").allow(OPERATOR),
                on(POST, "/api/v1/creditors/*/contracts").allow(OPERATOR),
                on(GET, "/api/v1/self-service/debts/**").allow(DEBTOR),
                on(POST, "/api/v1/self-service/debts/**").allow(DEBTOR));
    }

    @Bean
    ProblemCatalogue commandRefusals() {
        return ProblemAnswers.catalogue();
    }
}
