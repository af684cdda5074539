package org.debtledger.command.rates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.debtledger.command.CommandSideTest;
import org.debtledger.command.LedgerHttp.Answer;
import org.debtledger.command.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * December 2026 with the shipped table, which ends in June: close of business refuses the interest of July and
 * names the half year to add, the health endpoint shows what is missing, and once an operator adds the rate through
 * the API the next run posts the interest at it.
 */
class MissingReferenceRateTest extends CommandSideTest {

    private static final String HEALTH = "/actuator/health/reference-rates";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "missing_reference_rate");
    }

    @TestConfiguration
    static class TenthOfDecember2026 {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2026-12-10T10:00:00Z"), ZoneId.of("Europe/Helsinki"));
        }
    }

    @Test
    void closeOfBusinessNamesTheMissingHalfYearAndPostsTheInterestOnceAnOperatorAddsIt() {
        JsonNode health = http.as(null).get(HEALTH).json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode finland = health.path("components").path("referenceRates").path("details").path("FI");
        assertThat(finland.path("today").asText()).isEqualTo("2026-12-10");
        assertThat(finland.path("knownThrough").asText()).isEqualTo("2026-06-30");
        assertThat(finland.path("missing")).hasSize(2);
        assertThat(finland.path("missing").get(0)).isEqualTo(json(Map.of("from", "2026-07-01", "until", "2026-12-31",
                "begun", true, "add", "PUT /api/v1/reference-rates/FI/2026-07-01")));
        assertThat(finland.path("missing").get(1).path("from").asText()).as("begins within 30 days")
                .isEqualTo("2027-01-01");
        assertThat(finland.path("missing").get(1).path("begun").asBoolean()).isFalse();
        Answer overall = http.as(null).get("/actuator/health");
        assertThat(overall.status()).isEqualTo(200);
        assertThat(overall.json().path("status").asText()).isEqualTo("UP");
        assertThat(overall.body()).as("the probe itself shows no details").doesNotContain("2026-07-01");

        String debt = newDebtId();
        assertThat(http.post("/api/v1/debts", registration(debt, "500.00")).status()).isEqualTo(201);
        Answer refused = http.post("/api/v1/operations/close-of-business", "{\"businessDate\": \"2026-07-31\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        JsonNode failure = refused.json().path("failures").get(0);
        assertThat(failure.path("debtId").asText()).isEqualTo(debt);
        assertThat(failure.path("rule").asText()).isEqualTo("REFERENCE_RATE_UNKNOWN");
        assertThat(failure.path("detail").asText()).isEqualTo("no reference rate is known for 2026-07-01 (the half"
                + " year 2026-07-01 to 2026-12-31); an operator adds it with PUT /api/v1/reference-rates/FI/2026-07-01");
        assertThat(eventCount(debt)).isEqualTo(1);

        Answer added = http.as("operator").put("/api/v1/reference-rates/FI/2026-07-01", """
                {"until": "2026-12-31", "referenceRate": "2.00", "source": "Bank of Finland notice for 1.7.-31.12.2026"}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().path("recordedBy").asText()).isEqualTo("operator");

        Answer posted = http.post("/api/v1/operations/close-of-business", "{\"businessDate\": \"2026-07-31\"}");
        assertThat(posted.json().path("debtsFailed").asInt()).as(posted.toString()).isZero();
        assertThat(posted.json().path("failures")).isEmpty();
        // 500.00 from 16 February 2025: 135 days at 10.5 %, 365 at 9.5 %, and July 2026's 31 at 2.00 + 7 = 9.0 %:
        // 50,000 * (1050 * 135 + 950 * 365 + 900 * 31) / 3,650,000 = 7073.97 cents -> 70.74
        JsonNode interest = jdbc.sql("SELECT payload FROM event_log WHERE debt_id = :debt AND sequence_number = 1")
                .param("debt", debt).query(String.class).optional().map(MissingReferenceRateTest::read).orElseThrow();
        assertThat(interest.path("amount").path("amount").asText()).isEqualTo("70.74");
        JsonNode july = interest.path("segments").get(interest.path("segments").size() - 1);
        assertThat(july.path("from").asText()).isEqualTo("2026-07-01");
        assertThat(july.path("through").asText()).isEqualTo("2026-07-31");
        assertThat(july.path("annualRateBasisPoints").asInt()).isEqualTo(900);

        JsonNode stillMissing = http.as(null).get(HEALTH).json()
                .path("components").path("referenceRates").path("details").path("FI").path("missing");
        assertThat(stillMissing).hasSize(1);
        assertThat(stillMissing.get(0).path("from").asText()).isEqualTo("2027-01-01");
        assertThat(http.as("operator").put("/api/v1/reference-rates/FI/2027-01-01", """
                {"until": "2027-06-30", "referenceRate": "2.00", "source": "Bank of Finland notice for 1.1.-30.6.2027"}""")
                .status()).isEqualTo(201);
        assertThat(http.as(null).get(HEALTH).json().path("components").path("referenceRates").path("details")
                .path("FI").path("missing")).isEmpty();
    }

    private static JsonNode json(Map<String, Object> fields) {
        return JSON.valueToTree(fields);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
