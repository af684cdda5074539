package org.debtledger.command.debt;

import org.debtledger.command.CommandSideTest;
import org.debtledger.command.LedgerHttp.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.debtledger.command.TestDatabase;
import org.debtledger.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A debt's life through the API on PostgreSQL: registered, charged, planned, paid, closed day by day, settled. */
class DebtLifecycleTest extends CommandSideTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "lifecycle");
    }

    private Answer ok(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 201);
        return answer;
    }

    private Answer closeOfBusiness(String date) {
        return ok(http.post("/api/v1/operations/close-of-business", "{\"businessDate\": \"" + date + "\"}"));
    }

    @Test
    void aDebtIsChargedPlannedPaidAndSettledAcrossMonthsOfCloseOfBusiness() {
        String debt = newDebtId();
        String path = "/api/v1/debts/" + debt;
        ok(http.post("/api/v1/debts", registration(debt, "100.00")));
        ok(http.post(path + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}"));
        // 100.00 + 14.00 demand fee + 0.66 interest for 16 Feb..10 Mar = 114.66, in three instalments.
        Answer quote = ok(http.get(path + "/payment-plans/quote?instalments=3&date=2025-03-10"));
        assertThat(quote.json().path("mustCover").path("amount").asText()).isEqualTo("114.66");
        assertThat(quote.json().path("fee").isNull()).as("the first plan is free").isTrue();
        assertThat(quote.json().path("planNumber").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM event_log WHERE debt_id = :id").param("id", debt)
                .query(Long.class).single()).as("a quote stores nothing").isEqualTo(3); // with the demand's letter
        Answer plan = ok(http.post(path + "/payment-plans", """
                {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "38.22", "currency": "EUR"}},
                                 {"dueDate": "2025-05-01", "amount": {"amount": "38.22", "currency": "EUR"}},
                                 {"dueDate": "2025-06-01", "amount": {"amount": "38.22", "currency": "EUR"}}],
                 "channel": "SELF_SERVICE", "date": "2025-03-10",
                 "affordability": {"monthlyIncome": {"amount": "1800.00", "currency": "EUR"},
                                   "monthlyExpenses": {"amount": "1500.00", "currency": "EUR"}}}"""));
        assertThat(plan.json().path("sequenceNumber").asLong()).isEqualTo(4);

        closeOfBusiness("2025-03-31");
        ok(http.post(path + "/payments", payment("RF18-1", "2025-03-31")));
        closeOfBusiness("2025-04-30");
        closeOfBusiness("2025-05-08");
        ok(http.post(path + "/payments", payment("RF18-2", "2025-05-10")));
        closeOfBusiness("2025-05-31");
        ok(http.post(path + "/payments", payment("RF18-3", "2025-06-01")));
        closeOfBusiness("2025-06-30");

        List<String> history = jdbc.sql("SELECT event_type FROM event_log WHERE debt_id = :id ORDER BY sequence_number")
                .param("id", debt).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
        assertThat(history).containsExactly("DebtRegistered", "FeeCharged", "ContactRecorded", "InterestPosted",
                "PaymentPlanAgreed",
                "PaymentReceived", "InstalmentMissed", "PaymentReceived", "PaymentReceived", "DebtSettled");

        Map<String, Object> lastPayment = jdbc.sql("""
                        SELECT payload->'allocation'->'principal'->>'amount' AS principal,
                               payload->'instalments'->0->>'instalmentNumber' AS instalment
                        FROM event_log WHERE debt_id = :id AND sequence_number = 7""")
                .param("id", debt).query().singleRow();
        assertThat(lastPayment).containsEntry("principal", "38.22").containsEntry("instalment", "2");
    }

    @Test
    void aSecondPlanIsQuotedWithItsFeeAndAPlanOfExactlyTheQuoteIsAgreed() {
        String debt = newDebtId();
        String path = "/api/v1/debts/" + debt;
        ok(http.post("/api/v1/debts", registration(debt, "1000.00")));
        ok(http.post(path + "/payment-plans", """
                {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "500.00", "currency": "EUR"}},
                                 {"dueDate": "2025-05-01", "amount": {"amount": "%s", "currency": "EUR"}}],
                 "channel": "ADVISOR_PHONE", "date": "2025-03-01"}""".formatted(
                new BigDecimal(http.get(path + "/payment-plans/quote?instalments=2&date=2025-03-01").json()
                        .path("mustCover").path("amount").asText()).subtract(new BigDecimal("500.00")).toPlainString())));
        closeOfBusiness("2025-05-31"); // both instalments missed: the plan is broken

        Answer quote = ok(http.get(path + "/payment-plans/quote?instalments=4&date=2025-06-02"));
        assertThat(quote.json().path("planNumber").asInt()).isEqualTo(2);
        assertThat(quote.json().path("planInForce").asBoolean()).isFalse();
        assertThat(quote.json().path("fee").path("amount").asText()).as("a second plan is charged for").isNotEmpty();
        String[] instalments = split(quote.json().path("mustCover").path("amount").asText(), 4);
        Answer agreed = http.post(path + "/payment-plans", """
                {"instalments": [{"dueDate": "2025-07-01", "amount": {"amount": "%s", "currency": "EUR"}},
                                 {"dueDate": "2025-08-01", "amount": {"amount": "%s", "currency": "EUR"}},
                                 {"dueDate": "2025-09-01", "amount": {"amount": "%s", "currency": "EUR"}},
                                 {"dueDate": "2025-10-01", "amount": {"amount": "%s", "currency": "EUR"}}],
                 "channel": "ADVISOR_PHONE", "date": "2025-06-02"}""".formatted((Object[]) instalments));
        assertThat(agreed.status()).as("a plan of exactly the quote: " + agreed).isEqualTo(200);
    }

    /** {@code amount} in {@code parts} that sum to it to the cent, the earlier ones carrying the odd cents. */
    private static String[] split(String amount, int parts) {
        return Money.of(amount, "EUR").split(parts).stream().map(Money::amount).toArray(String[]::new);
    }

    private static String payment(String paymentId, String valueDate) {
        return "{\"paymentId\": \"" + paymentId + "\", \"amount\": {\"amount\": \"38.22\", \"currency\": \"EUR\"},"
                + " \"valueDate\": \"" + valueDate + "\", \"channel\": \"BANK_FILE\"}";
    }

    @Test
    void closeOfBusinessTwiceForADateChangesNothingTheSecondTime() {
        String debt = newDebtId();
        ok(http.post("/api/v1/debts", registration(debt, "1000.00")));
        closeOfBusiness("2025-06-30");
        long events = eventCount(debt);
        Answer again = closeOfBusiness("2025-06-30");

        assertThat(eventCount(debt)).isEqualTo(events).isEqualTo(2);
        assertThat(again.json().path("status").asText()).isEqualTo("COMPLETED");
    }
}
