package org.debtledger.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.debtledger.command.CommandSideTest;
import org.debtledger.command.LedgerHttp.Answer;
import org.debtledger.command.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandApiTest extends CommandSideTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "command_api");
    }

    private String registered(String principal) {
        String debtId = newDebtId();
        Answer answer = http.post("/api/v1/debts", registration(debtId, principal));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return debtId;
    }

    private void assertRefused(Answer answer, int status, String rule) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        if (rule != null) {
            assertThat(answer.json().path("rule").asText()).isEqualTo(rule);
        }
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("SELECT");
    }

    @Test
    void registeringAClaimAnswersWithItsSequenceNumberAndPosition() {
        String debtId = newDebtId();
        Answer answer = http.post("/api/v1/debts", registration(debtId, "100.00"));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode body = answer.json();
        assertThat(body.path("debtId").asText()).isEqualTo(debtId);
        assertThat(body.path("sequenceNumber").asLong()).isZero();
        long position = jdbc.sql("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", debtId).query(Long.class).single();
        assertThat(body.path("position").asLong()).isEqualTo(position);
    }

    @Test
    void aClaimWithoutAnIdGetsOne() {
        String body = registration("x", "100.00").replace("\"debtId\": \"x\", ", "");
        Answer answer = http.post("/api/v1/debts", body);
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("debtId").asText()).hasSize(36);
    }

    @Test
    void registeringTheSameDebtIdTwiceIsAConflict() {
        String debtId = registered("100.00");
        assertRefused(http.post("/api/v1/debts", registration(debtId, "100.00")), 409, null);
        assertThat(eventCount(debtId)).isEqualTo(1);
    }

    @Test
    void aFeeAboveItsCapIsRefusedNamingTheRuleAndNothingIsWritten() {
        String debtId = registered("100.00");
        Answer answer = http.post("/api/v1/debts/" + debtId + "/fees",
                "{\"type\": \"DEMAND\", \"amount\": {\"amount\": \"14.01\", \"currency\": \"EUR\"}, \"date\": \"2025-03-05\"}");
        assertRefused(answer, 422, "FEE_ABOVE_STATUTORY_CAP");
        assertThat(answer.json().path("detail").asText()).contains("14.00 EUR");
        assertThat(eventCount(debtId)).isEqualTo(1);
    }

    @Test
    void aPlanThatDoesNotCoverTheBalanceIsRefusedNamingTheRule() {
        String debtId = registered("100.00");
        Answer answer = http.post("/api/v1/debts/" + debtId + "/payment-plans", """
                {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "50.00", "currency": "EUR"}}],
                 "channel": "SELF_SERVICE", "date": "2025-03-01"}""");
        assertRefused(answer, 422, "PLAN_DOES_NOT_COVER_BALANCE");
        assertThat(eventCount(debtId)).isEqualTo(1);
    }

    @Test
    void anAdvisorRecordsAPromiseToPayAndEachRefusalNamesItsRuleAndWritesNothing() {
        String debtId = registered("100.00");
        String path = "/api/v1/debts/" + debtId + "/promises";
        assertRefused(http.post(path, promise("0.00", "2025-03-20")), 422, "AMOUNT_NOT_POSITIVE");
        assertRefused(http.post(path, promise("100.01", "2025-03-20")), 422, "PROMISE_EXCEEDS_BALANCE");
        assertRefused(http.post(path, promise("50.00", "2025-03-09")), 422, "PROMISE_DAY_PASSED");
        assertRefused(http.post(path, promise("50.00", "2025-04-10")), 422, "PROMISE_TOO_FAR_AHEAD");
        assertRefused(http.post(path, promise("50.00", "2025-03-20").replace("ADVISOR_PHONE", "SELF_SERVICE")),
                400, null);
        assertThat(eventCount(debtId)).isEqualTo(1);

        Answer made = http.post(path, promise("50.00", "2025-03-20"));
        assertThat(made.status()).as(made.toString()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT payload->>'countsThrough' FROM event_log WHERE debt_id = :id"
                        + " AND event_type = 'org.debtledger.promise.PromiseToPayMade'")
                .param("id", debtId).query(String.class).single()).isEqualTo("2025-03-22");
        assertRefused(http.post(path, promise("20.00", "2025-03-25")), 422, "PROMISE_ALREADY_OPEN");
        assertThat(eventCount(debtId)).isEqualTo(2);
    }

    private static String promise(String amount, String promisedFor) {
        return "{\"amount\": {\"amount\": \"" + amount + "\", \"currency\": \"EUR\"}, \"promisedFor\": \""
                + promisedFor + "\", \"channel\": \"ADVISOR_PHONE\", \"date\": \"2025-03-10\"}";
    }

    @Test
    void aDuplicatePaymentIsAppliedOnceAndAnsweredTheSame() {
        String debtId = registered("100.00");
        String payment = "{\"paymentId\": \"RF18539007547034-1\", \"amount\": {\"amount\": \"20.00\", \"currency\": \"EUR\"},"
                + " \"valueDate\": \"2025-03-10\", \"channel\": \"BANK_FILE\"}";
        Answer first = http.post("/api/v1/debts/" + debtId + "/payments", payment);
        Answer again = http.post("/api/v1/debts/" + debtId + "/payments", payment);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(eventCount(debtId)).isEqualTo(3); // registered, interest posted, payment received
        Answer different = http.post("/api/v1/debts/" + debtId + "/payments", payment.replace("20.00", "21.00"));
        assertRefused(different, 422, "PAYMENT_ID_REUSED_WITH_DIFFERENT_AMOUNT");
        assertThat(eventCount(debtId)).isEqualTo(3);
    }

    @Test
    void anUnknownDebtIsNotFound() {
        assertRefused(http.post("/api/v1/debts/no-such-debt/fees", "{\"type\": \"REMINDER\", \"date\": \"2025-03-05\"}"),
                404, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\": \"REMINDER\", \"amount\": {\"amount\": \"1.234\", \"currency\": \"EUR\"}, \"date\": \"2025-03-05\"}",
            "{\"type\": \"REMINDER\", \"amount\": {\"amount\": \"1.00\", \"currency\": \"EUX\"}, \"date\": \"2025-03-05\"}",
            "{\"type\": \"REMINDER\", \"amount\": {\"amount\": \"1e2\", \"currency\": \"EUR\"}, \"date\": \"2025-03-05\"}",
            "{\"type\": \"REMINDER\", \"amount\": {\"amount\": 5, \"currency\": \"EUR\"}, \"date\": \"2025-03-05\"}",
            "{\"type\": \"REMINDER\", \"date\": \"2025-02-30\"}",
            "{\"type\": \"REMINDER\", \"date\": \"yesterday\"}",
            "{\"type\": \"INVOICE_FEE\", \"date\": \"2025-03-05\"}",
            "{\"date\": \"2025-03-05\"}",
            "{\"type\": \"REMINDER\", \"date\": \"2025-03-05\", \"note\": \"unknown field\"}",
            "{\"type\": \"REMINDER\", \"type\": \"DEMAND\", \"date\": \"2025-03-05\"}",
            "{\"type\": \"REMINDER\", \"date\": \"2025-03-05\"} trailing",
            "{\"type\": \"REMINDER\", ",
            "",
            "[]",
            // only the form the API promises: the currency's exact decimals, enum names, ISO dates as strings
            "{\"type\": \"REMINDER\", \"amount\": {\"amount\": \"1.0\", \"currency\": \"EUR\"}, \"date\": \"2025-03-05\"}",
            "{\"type\": \"REMINDER\", \"amount\": {\"amount\": \"1\", \"currency\": \"EUR\"}, \"date\": \"2025-03-05\"}",
            "{\"type\": 0, \"date\": \"2025-03-05\"}",
            "{\"type\": \"\", \"date\": \"2025-03-05\"}",
            "{\"type\": \"reminder\", \"date\": \"2025-03-05\"}",
            "{\"type\": \"REMINDER\", \"date\": 0}",
            "{\"type\": \"REMINDER\", \"date\": 20250305}",
            "{\"type\": \"REMINDER\", \"date\": \"\"}",
            "{\"type\": \"REMINDER\", \"date\": \" \"}",
            "{\"type\": \"REMINDER\", \"date\": []}",
            "{\"type\": \"REMINDER\", \"date\": [2025, 3, 5]}",
            "{\"type\": \"REMINDER\", \"date\": \"\\u0000\"}",
            "{\"type\": \"REMINDER\", \"date\": \"2025-03-05T10:00:00Z\"}",
            "{\"type\": \"REMINDER\", \"date\": \"+002025-03-05\"}",
            "{\"type\": \"DUE_DATE_EXTENSION\", \"extensionDays\": \"14\", \"date\": \"2025-03-05\"}",
            "{\"type\": \"DUE_DATE_EXTENSION\", \"extensionDays\": 14.7, \"date\": \"2025-03-05\"}"})
    void malformedInputIsRefusedWith400AndNothingIsWritten(String body) {
        String debtId = registered("100.00");
        assertRefused(http.post("/api/v1/debts/" + debtId + "/fees", body), 400, null);
        assertThat(eventCount(debtId)).isEqualTo(1);
    }

    @Test
    void anEnumAsANumberDoesNotResolveADispute() {
        String debtId = registered("100.00");
        assertThat(http.post("/api/v1/debts/" + debtId + "/disputes", "{\"reason\": \"never ordered\", \"date\": \"2025-03-02\"}")
                .status()).isEqualTo(200);
        assertRefused(http.post("/api/v1/debts/" + debtId + "/disputes/resolution",
                "{\"outcome\": 0, \"date\": \"2025-03-03\"}"), 400, null);
        assertThat(eventCount(debtId)).isEqualTo(3); // registered, disputed, paused
    }

    @Test
    void malformedRegistrationsAreRefusedWith400() {
        String valid = registration(newDebtId(), "100.00");
        for (String body : new String[]{
                valid.replace("\"creditorId\": \"acme-telecom\", ", ""),
                valid.replace("\"CONSUMER\"", "\"PERSONAL\""),
                valid.replace("\"FI\"", "\"XX\""),
                valid.replace("\"2025-01-31\"", "\"2024-12-31\""),
                valid.replace("\"INV-2025-0042\"", "\"" + "x".repeat(101) + "\""),
                valid.replace("\"debtId\": \"", "\"debtId\": \"has space "),
                valid.replace("\"jurisdiction\": \"FI\"", "\"jurisdiction\": \"FI\", \"directlyEnforceable\": \"true\""),
                valid.replace("\"amount\": \"100.00\"", "\"amount\": \"100\""),
                valid.replace("\"date\": \"2025-03-01\"", "\"date\": \"\"")}) {
            assertRefused(http.post("/api/v1/debts", body), 400, null);
        }
    }

    @Test
    void negativeAmountsAndAnotherCurrencyAreRefusedByRule() {
        String debtId = registered("100.00");
        assertRefused(http.post("/api/v1/debts/" + debtId + "/payments", "{\"paymentId\": \"p-1\", \"amount\": "
                + "{\"amount\": \"-5.00\", \"currency\": \"EUR\"}, \"valueDate\": \"2025-03-10\", \"channel\": \"BANK_FILE\"}"),
                422, "AMOUNT_NOT_POSITIVE");
        assertRefused(http.post("/api/v1/debts/" + debtId + "/payments", "{\"paymentId\": \"p-1\", \"amount\": "
                + "{\"amount\": \"5.00\", \"currency\": \"SEK\"}, \"valueDate\": \"2025-03-10\", \"channel\": \"BANK_FILE\"}"),
                422, "CURRENCY_MISMATCH");
        assertThat(eventCount(debtId)).isEqualTo(1);
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String debtId = registered("100.00");
        String huge = "{\"type\": \"REMINDER\", \"date\": \"2025-03-05\", \"pad\": \"" + "x".repeat(70_000) + "\"}";
        assertRefused(http.post("/api/v1/debts/" + debtId + "/fees", huge), 413, null);
        assertThat(eventCount(debtId)).isEqualTo(1);
    }

    @Test
    void anOversizedBodyWithoutADeclaredLengthIsCountedAndRefusedWith413() {
        String debtId = registered("100.00");
        String huge = "{\"type\": \"REMINDER\", \"date\": \"2025-03-05\", \"pad\": \"" + "x".repeat(70_000) + "\"}";
        assertRefused(http.postWithoutLength("/api/v1/debts/" + debtId + "/fees", "application/json",
                huge.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 413, null);
        assertThat(eventCount(debtId)).isEqualTo(1);
    }

    @Test
    void everyEventCarriesWhoDidItThroughWhichChannelAndWhy() {
        String debtId = newDebtId();
        // the actor is the authenticated user: headers claiming another are not believed
        http.post("/api/v1/debts", registration(debtId, "100.00"), "X-Actor-Id", "someone-else", "X-Actor-Role",
                "OPERATOR", "X-Channel", "ADVISOR_PHONE", "X-Correlation-Id", "call-42");
        Answer writeOff = http.post("/api/v1/debts/" + debtId + "/write-off",
                "{\"reason\": \"debtor deceased, estate without assets\", \"date\": \"2025-03-02\"}");
        assertThat(writeOff.status()).as(writeOff.toString()).isEqualTo(200);

        Map<String, Object> registeredMeta = jdbc.sql("""
                        SELECT metadata->>'actorId' AS actor, metadata->>'actorRole' AS role, metadata->>'channel' AS channel,
                               metadata->>'correlationId' AS correlation, metadata->>'causationId' AS causation,
                               payload->>'invoiceReference' AS invoice
                        FROM event_log WHERE debt_id = :id AND sequence_number = 0""")
                .param("id", debtId).query().singleRow();
        assertThat(registeredMeta).containsEntry("actor", "advisor").containsEntry("role", "ADVISOR")
                .containsEntry("channel", "ADVISOR_PHONE").containsEntry("correlation", "call-42")
                .containsEntry("invoice", "INV-2025-0042");
        assertThat(registeredMeta.get("causation")).isNotNull();

        String reason = jdbc.sql("SELECT metadata->>'reason' FROM event_log WHERE debt_id = :id AND sequence_number = 1")
                .param("id", debtId).query(String.class).single();
        assertThat(reason).isEqualTo("debtor deceased, estate without assets");
    }
}
