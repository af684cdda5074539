package org.debtledger.portal;

import org.debtledger.client.LedgerApi;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The person's own debts as the query side's self-service answers them, each read waiting for the position of the
 * person's last action ({@code minPosition}), so a page after an action shows its outcome.
 */
@Component("portalDebts")
class Debts {

    private final LedgerApi api;

    Debts(LedgerApi api) {
        this.api = api;
    }

    Map<String, Object> all(Long minPosition) {
        return api.query(uri -> uri.path("/api/v1/self-service/debts")
                .queryParamIfPresent("minPosition", java.util.Optional.ofNullable(minPosition)).build());
    }

    Map<String, Object> one(String debtId, Long minPosition) {
        return api.query(uri -> uri.path("/api/v1/self-service/debts/{debtId}")
                .queryParamIfPresent("minPosition", java.util.Optional.ofNullable(minPosition)).build(debtId));
    }

    Map<String, Object> statement(String debtId, Long minPosition) {
        return api.query(uri -> uri.path("/api/v1/self-service/debts/{debtId}/statement")
                .queryParamIfPresent("minPosition", java.util.Optional.ofNullable(minPosition)).build(debtId));
    }
}
