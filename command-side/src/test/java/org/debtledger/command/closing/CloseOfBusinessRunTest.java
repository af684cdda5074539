package org.debtledger.command.closing;

import org.debtledger.command.CommandSideTest;
import org.debtledger.command.LedgerHttp.Answer;
import org.debtledger.command.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Close of business over every debt, on a database of its own so that every debt is known. */
class CloseOfBusinessRunTest extends CommandSideTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "close_of_business");
    }

    @Test
    void aRunThatDiedCarriesOnAfterTheLastDebtItFinished() {
        List<String> debts = List.of(newDebtId(), newDebtId(), newDebtId());
        debts.forEach(debt -> assertThat(http.post("/api/v1/debts", registration(debt, "500.00")).status()).isEqualTo(201));
        long firstPosition = jdbc.sql("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", debts.get(0)).query(Long.class).single();
        // As a run that stopped after the first debt leaves it:
        jdbc.sql("""
                        INSERT INTO close_of_business_run (business_date, status, cursor_position, debts_processed, started_at)
                        VALUES ('2025-04-30', 'RUNNING', :cursor, 1, now())""")
                .param("cursor", firstPosition).update();

        Answer answer = http.post("/api/v1/operations/close-of-business", "{\"businessDate\": \"2025-04-30\"}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("debtsProcessed").asInt()).isEqualTo(3);
        assertThat(eventCount(debts.get(0))).isEqualTo(1);
        assertThat(eventCount(debts.get(1))).isEqualTo(2);
        assertThat(eventCount(debts.get(2))).isEqualTo(2);
    }

    @Test
    void aDebtWhoseDayCannotBeClosedIsReportedWithItsRuleAndTheRunGoesOn() {
        String debt = newDebtId();
        assertThat(http.post("/api/v1/debts", registration(debt, "500.00")).status()).isEqualTo(201);
        Answer answer = http.post("/api/v1/operations/close-of-business", "{\"businessDate\": \"2026-07-31\"}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(answer.json().path("debtsFailed").asInt()).isPositive();
        assertThat(answer.json().path("failures").findValuesAsText("rule")).containsOnly("REFERENCE_RATE_UNKNOWN");
        assertThat(answer.json().path("failures").findValuesAsText("debtId")).contains(debt);
        assertThat(eventCount(debt)).isEqualTo(1);
    }

    @Test
    void theEventsOfARunNameTheOperatorWhoStartedIt() {
        String debt = newDebtId();
        assertThat(http.post("/api/v1/debts", registration(debt, "500.00")).status()).isEqualTo(201);
        Answer answer = http.post("/api/v1/operations/close-of-business", "{\"businessDate\": \"2025-05-31\"}",
                "X-Correlation-Id", "month-end-may");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);

        Map<String, Object> audit = jdbc.sql("""
                        SELECT metadata->>'actorId' AS actor, metadata->>'actorRole' AS role,
                               metadata->>'channel' AS channel, metadata->>'reason' AS reason,
                               metadata->>'correlationId' AS correlation
                        FROM event_log WHERE debt_id = :id AND sequence_number = 1""")
                .param("id", debt).query().singleRow();
        assertThat(audit).containsEntry("actor", "operator").containsEntry("role", "OPERATOR")
                .containsEntry("channel", "SYSTEM").containsEntry("reason", "close of business 2025-05-31")
                .containsEntry("correlation", "month-end-may");
    }
}
