package org.debtledger.command.calendar;

import org.debtledger.command.CommandSideTest;
import org.debtledger.command.LedgerHttp.Answer;
import org.debtledger.command.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every date the ledger takes lies in its window: not before the earliest business date, and not further ahead of
 * today than the horizon (close of business: tomorrow). Dates that once poisoned a debt or hung a request are
 * refused at once, and the debt goes on taking ordinary commands.
 */
class BusinessDateWindowTest extends CommandSideTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Helsinki"));

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "business_dates");
    }

    private String registered() {
        String debtId = newDebtId();
        assertThat(http.post("/api/v1/debts", registration(debtId, "100.00")).status()).isEqualTo(201);
        return debtId;
    }

    private static void assertRefused(Answer answer, int status, String rule) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        if (rule != null) {
            assertThat(answer.json().path("rule").asText()).as(answer.toString()).isEqualTo(rule);
        }
    }

    @Test
    void aFeeDatedFarAheadIsRefusedAndTheDebtStillTakesItsLetters() {
        String debtId = registered();
        String fees = "/api/v1/debts/" + debtId + "/fees";
        assertRefused(http.post(fees, "{\"type\": \"DUE_DATE_EXTENSION\", \"extensionDays\": 14, \"date\": \"+999999999-12-31\"}"),
                400, null);
        assertRefused(http.post(fees, "{\"type\": \"DUE_DATE_EXTENSION\", \"extensionDays\": 14, \"date\": \"9999-12-31\"}"),
                422, "DATE_BEYOND_HORIZON");
        assertRefused(http.post(fees, "{\"type\": \"REMINDER\", \"date\": \"9999-12-31\"}"), 422, "DATE_BEYOND_HORIZON");
        assertRefused(http.post(fees, "{\"type\": \"REMINDER\", \"date\": \"" + TODAY.plusYears(1).plusDays(1) + "\"}"),
                422, "DATE_BEYOND_HORIZON");
        assertThat(eventCount(debtId)).isEqualTo(1);

        assertThat(http.post(fees, "{\"type\": \"REMINDER\", \"date\": \"2025-03-05\"}").status()).isEqualTo(200);
        Answer demand = http.post(fees, "{\"type\": \"DEMAND\", \"date\": \"2025-03-19\"}");
        assertThat(demand.status()).as(demand.toString()).isEqualTo(200);
    }

    @Test
    void aDateBeforeTheEarliestBusinessDateIsRefused() {
        String debtId = registered();
        Answer answer = http.post("/api/v1/debts/" + debtId + "/fees", "{\"type\": \"REMINDER\", \"date\": \"1999-12-31\"}");
        assertRefused(answer, 422, "DATE_BEFORE_EARLIEST");
        assertThat(answer.json().path("detail").asText()).contains("date 1999-12-31").contains("2000-01-01");
        assertRefused(http.post("/api/v1/debts", registration(newDebtId(), "100.00")
                .replace("\"dueDate\": \"2025-02-15\"", "\"dueDate\": \"0001-01-01\"")), 422, "DATE_BEFORE_EARLIEST");
    }

    @Test
    void closeOfBusinessRunsAtMostForTomorrowAndALaterRunIsNotHeldUp() {
        registered();
        String run = "/api/v1/operations/close-of-business";
        assertRefused(http.post(run, "{\"businessDate\": \"+999999999-12-31\"}"), 400, null);
        assertRefused(http.post(run, "{\"businessDate\": \"9999-12-31\"}"), 422, "DATE_BEYOND_HORIZON");
        assertRefused(http.post(run, "{\"businessDate\": \"" + TODAY.plusDays(2) + "\"}"), 422, "DATE_BEYOND_HORIZON");
        assertThat(jdbc.sql("SELECT count(*) FROM close_of_business_run WHERE business_date > :tomorrow")
                .param("tomorrow", TODAY.plusDays(1)).query(Long.class).single()).isZero();

        Answer ordinary = http.post(run, "{\"businessDate\": \"2025-03-02\"}");
        assertThat(ordinary.status()).as(ordinary.toString()).isEqualTo(200);
        assertThat(ordinary.json().path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void closeOfBusinessWithoutADateRunsForToday() {
        Answer answer = http.post("/api/v1/operations/close-of-business", "{}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("businessDate").asText()).isEqualTo(TODAY.toString());
    }

    @Test
    void aPaymentValueDatedFarAheadIsRefusedAndTheNextPaymentIsTaken() {
        String debtId = registered();
        Answer plan = http.post("/api/v1/debts/" + debtId + "/payment-plans", """
                {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "50.66", "currency": "EUR"}},
                 {"dueDate": "2025-05-01", "amount": {"amount": "50.00", "currency": "EUR"}}],
                 "channel": "ADVISOR_PHONE", "date": "2025-03-10"}""");
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        String payments = "/api/v1/debts/" + debtId + "/payments";
        String payment = "{\"paymentId\": \"%s\", \"amount\": {\"amount\": \"50.33\", \"currency\": \"EUR\"},"
                + " \"valueDate\": \"%s\", \"channel\": \"BANK_FILE\"}";
        assertRefused(http.post(payments, payment.formatted("far-1", "+999999999-12-31")), 400, null);
        assertRefused(http.post(payments, payment.formatted("far-2", "9999-12-31")), 422, "DATE_BEYOND_HORIZON");

        Answer next = http.post(payments, payment.formatted("near-1", "2025-03-31"));
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
    }

    @Test
    void aPlanMayRunFurtherAheadThanADateOnWhichSomethingHappens() {
        String debtId = registered();
        String plan = """
                {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "50.66", "currency": "EUR"}},
                 {"dueDate": "%s", "amount": {"amount": "50.00", "currency": "EUR"}}],
                 "channel": "ADVISOR_PHONE", "date": "2025-03-10"}""";
        Answer tooFar = http.post("/api/v1/debts/" + debtId + "/payment-plans",
                plan.formatted(TODAY.plusYears(10).plusDays(1)));
        assertRefused(tooFar, 422, "DATE_BEYOND_HORIZON");
        assertThat(tooFar.json().path("detail").asText()).contains("instalments[1].dueDate");
        Answer farButPlanned = http.post("/api/v1/debts/" + debtId + "/payment-plans",
                plan.formatted(TODAY.plusYears(2)));
        assertThat(farButPlanned.status()).as(farButPlanned.toString()).isEqualTo(200);
    }
}
