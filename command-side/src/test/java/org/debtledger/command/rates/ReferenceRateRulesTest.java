package org.debtledger.command.rates;

import com.fasterxml.jackson.databind.JsonNode;
import org.debtledger.command.CommandSideTest;
import org.debtledger.command.LedgerHttp;
import org.debtledger.command.LedgerHttp.Answer;
import org.debtledger.command.TestDatabase;
import org.debtledger.interest.ReferenceRates;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference rates an operator keeps, over real HTTP on a database of their own: what the API lists, and each
 * rule of a change refused by name with nothing changed.
 */
class ReferenceRateRulesTest extends CommandSideTest {

    private static final String RATES = "/api/v1/reference-rates/FI";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "reference_rate_rules");
    }

    private LedgerHttp operator() {
        return http.as("operator");
    }

    private static String body(String until, String rate, String source) {
        return """
                {"until": "%s", "referenceRate": "%s", "source": "%s"}""".formatted(until, rate, source);
    }

    private JsonNode rates() {
        Answer answer = http.get(RATES);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private LocalDate next() {
        return LocalDate.parse(rates().path("nextPeriodStart").asText());
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM reference_rate").query(Long.class).single();
    }

    @Test
    void theRatesAreTheShippedTableWithTheLawsMarginsAndWhoRecordedThem() {
        JsonNode rates = rates();
        List<ReferenceRates.Period> shipped = ReferenceRates.finland().periods();
        assertThat(rates.path("margins").path("consumer").asText()).isEqualTo("7.00");
        assertThat(rates.path("margins").path("business").asText()).isEqualTo("8.00");
        JsonNode first = rates.path("periods").get(0);
        assertThat(first.path("periodStart").asText()).isEqualTo("2022-07-01");
        assertThat(first.path("until").asText()).isEqualTo("2022-12-31");
        assertThat(first.path("referenceRate").asText()).isEqualTo("0.00");
        assertThat(first.path("lateInterest").path("consumer").asText()).isEqualTo("7.00");
        assertThat(first.path("lateInterest").path("business").asText()).isEqualTo("8.00");
        assertThat(first.path("source").asText()).startsWith("ECB main refinancing rate 0.00");
        assertThat(first.path("recordedBy").asText()).isEqualTo("shipped-table");
        assertThat(first.path("recordedAt").asText()).isNotEmpty();
        for (int i = 0; i < shipped.size(); i++) {
            JsonNode period = rates.path("periods").get(i);
            ReferenceRates.Period expected = shipped.get(i);
            assertThat(period.path("periodStart").asText()).isEqualTo(expected.from().toString());
            assertThat(period.path("until").asText()).isEqualTo(expected.through().toString());
            assertThat(period.path("lateInterest").path("consumer").asText())
                    .isEqualTo(ReferenceRateView.percent(expected.consumerBasisPoints()));
            assertThat(period.path("lateInterest").path("business").asText())
                    .isEqualTo(ReferenceRateView.percent(expected.businessBasisPoints()));
        }
    }

    @Test
    void aPeriodIsAHalfYear() {
        LocalDate next = next();
        refused(next.plusDays(1), body(next.plusMonths(6).minusDays(1).toString(), "2.00", "x"),
                RateRule.PERIOD_NOT_A_HALF_YEAR);
        refused(next, body(next.plusYears(1).minusDays(1).toString(), "2.00", "x"), RateRule.PERIOD_NOT_A_HALF_YEAR);
    }

    @Test
    void aNewPeriodStartsTheDayAfterTheLastEnds() {
        LocalDate next = next();
        refused(next.plusMonths(6), body(next.plusYears(1).minusDays(1).toString(), "2.00", "x"),
                RateRule.PERIOD_NOT_NEXT);
        refused(LocalDate.parse("2022-01-01"), body("2022-06-30", "0.00", "x"), RateRule.PERIOD_NOT_NEXT);
    }

    @Test
    void aRateIsFrom0To100WithAtMostTwoDecimals() {
        LocalDate next = next();
        String until = next.plusMonths(6).minusDays(1).toString();
        refused(next, body(until, "100.01", "x"), RateRule.REFERENCE_RATE_OUT_OF_RANGE);
        refused(next, body(until, "-0.50", "x"), RateRule.REFERENCE_RATE_OUT_OF_RANGE);
        refused(next, body(until, "2.505", "x"), RateRule.REFERENCE_RATE_TOO_PRECISE);
        refused(next, body(until, "2.500", "x"), RateRule.REFERENCE_RATE_TOO_PRECISE);
    }

    @Test
    void aRateInterestWasPostedWithDoesNotChangeButItsSourceMay() {
        String debt = newDebtId();
        assertThat(http.post("/api/v1/debts", registration(debt, "100.00")).status()).isEqualTo(201);
        // interest from 16 February through 31 March 2025, at the rate of January to June 2025
        Answer closed = http.post("/api/v1/operations/close-of-business", "{\"businessDate\": \"2025-03-31\"}");
        assertThat(closed.json().path("debtsFailed").asInt()).as(closed.toString()).isZero();
        assertThat(eventCount(debt)).isEqualTo(2);

        Answer inUse = refused(LocalDate.parse("2025-01-01"), body("2025-06-30", "4.00", "a later notice"),
                RateRule.REFERENCE_RATE_IN_USE);
        assertThat(inUse.json().path("detail").asText()).contains("2025-01-01 to 2025-06-30").contains("3.50");

        Answer sourced = operator().put(RATES + "/2025-01-01",
                body("2025-06-30", "3.50", "Bank of Finland notice of 2024-12-20"));
        assertThat(sourced.status()).as(sourced.toString()).isEqualTo(200);
        assertThat(sourced.json().path("source").asText()).isEqualTo("Bank of Finland notice of 2024-12-20");
        assertThat(sourced.json().path("recordedBy").asText()).isEqualTo("operator");
        JsonNode earlier = sourced.json().path("earlier");
        assertThat(earlier).hasSize(1);
        assertThat(earlier.get(0).path("source").asText()).isEqualTo("Bank of Finland press release for 1.1.-30.6.2025");
        assertThat(earlier.get(0).path("recordedBy").asText()).isEqualTo("shipped-table");
    }

    @Test
    void aPeriodNoInterestCoversYetMayBeCorrectedAndKeepsItsEarlierValue() {
        LocalDate next = next();
        String until = next.plusMonths(6).minusDays(1).toString();
        Answer added = operator().put(RATES + "/" + next, body(until, "2.00", "first notice"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().path("lateInterest").path("consumer").asText()).isEqualTo("9.00");
        assertThat(added.json().path("lateInterest").path("business").asText()).isEqualTo("10.00");

        Answer corrected = operator().put(RATES + "/" + next, body(until, "2.5", "corrected notice"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().path("referenceRate").asText()).isEqualTo("2.50");
        assertThat(corrected.json().path("earlier").get(0).path("referenceRate").asText()).isEqualTo("2.00");
        assertThat(corrected.json().path("earlier").get(0).path("source").asText()).isEqualTo("first notice");

        long rows = rows();
        Answer again = operator().put(RATES + "/" + next, body(until, "2.50", "corrected notice"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(rows()).as("the same value again records nothing").isEqualTo(rows);
        assertThat(next()).isEqualTo(next.plusMonths(6));
    }

    @Test
    void malformedChangesAreRefusedAndChangeNothing() {
        LocalDate next = next();
        String until = next.plusMonths(6).minusDays(1).toString();
        JsonNode before = rates();
        long rows = rows();
        List<String[]> malformed = List.of(
                new String[]{RATES + "/" + next, "{\"until\": \"" + until + "\", \"referenceRate\": 2.5, \"source\": \"x\"}"},
                new String[]{RATES + "/" + next, body(until, "2,50", "x")},
                new String[]{RATES + "/" + next, body(until, "1e2", "x")},
                new String[]{RATES + "/" + next, body(until.replace('-', '/'), "2.50", "x")},
                new String[]{RATES + "/" + next, "{\"until\": \"" + until + "\", \"referenceRate\": \"2.50\"}"},
                new String[]{RATES + "/" + next, body(until, "2.50", " ")},
                new String[]{RATES + "/" + next, "{\"until\": \"" + until + "\", \"referenceRate\": \"2.50\","
                        + " \"source\": \"x\", \"consumerRate\": \"9.50\"}"},
                new String[]{RATES + "/" + next.toString().replace("-0", "-"), body(until, "2.50", "x")},
                new String[]{"/api/v1/reference-rates/SE/" + next, body(until, "2.50", "x")});
        for (String[] request : malformed) {
            Answer answer = operator().put(request[0], request[1]);
            assertThat(answer.status()).as(request[0] + " " + request[1] + " -> " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(rows()).isEqualTo(rows);
        assertThat(rates()).isEqualTo(before);
        assertThat(http.get("/api/v1/reference-rates/SE").status()).isEqualTo(400);
    }

    @Test
    void anAdvisorReadsTheRatesButDoesNotChangeThem() {
        LocalDate next = next();
        long rows = rows();
        Answer answer = http.as("advisor").put(RATES + "/" + next,
                body(next.plusMonths(6).minusDays(1).toString(), "2.00", "x"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(rows()).isEqualTo(rows);
        assertThat(http.as(null).get(RATES).status()).isEqualTo(401);
    }

    private Answer refused(LocalDate periodStart, String body, RateRule rule) {
        JsonNode before = rates();
        long rows = rows();
        Answer answer = operator().put(RATES + "/" + periodStart, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("rule").asText()).isEqualTo(rule.name());
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:debt-ledger:problem:rule:" + rule.name());
        assertThat(rows()).as("nothing recorded").isEqualTo(rows);
        assertThat(rates()).as("nothing changed").isEqualTo(before);
        return answer;
    }
}
