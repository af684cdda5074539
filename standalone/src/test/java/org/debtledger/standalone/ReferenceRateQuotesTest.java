package org.debtledger.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A payoff quote takes the reference rates an operator keeps: refused for a day with no rate, quoted at once at a
 * rate this process recorded, and within seconds at one another process recorded.
 */
class ReferenceRateQuotesTest {

    @TempDir
    static Path dataDirectory;

    private static StandaloneLedger ledger;
    private static final String DEBTOR = "d-" + UUID.randomUUID();
    private static final String QUOTE = "/api/v1/debtors/" + DEBTOR + "/balance?payoffDate=2026-07-31";

    @BeforeAll
    static void start() {
        ledger = StandaloneLedger.start(dataDirectory);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void aPayoffIsQuotedAtTheRatesInTheDatabase() {
        StandaloneLedger.Answer registered = ledger.as(Endpoints.ADVISOR).post("/api/v1/debts", Endpoints.REGISTRATION
                .replace("{newDebtId}", "debt-" + UUID.randomUUID()).replace("{debtorId}", DEBTOR)
                .replace("100.00", "500.00"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        StandaloneLedger.Answer unknown = ledger.as(Endpoints.ADVISOR).get(QUOTE + "&minPosition="
                + registered.json().path("position").asLong());
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.json().path("rule").asText()).isEqualTo("REFERENCE_RATE_UNKNOWN");
        assertThat(unknown.json().path("detail").asText()).isEqualTo("no reference rate is known for 2026-07-01 (the"
                + " half year 2026-07-01 to 2026-12-31); an operator adds it with PUT /api/v1/reference-rates/FI/2026-07-01");

        StandaloneLedger.Answer added = ledger.as(Endpoints.OPERATOR).send("PUT", "/api/v1/reference-rates/FI/2026-07-01",
                "{\"until\": \"2026-12-31\", \"referenceRate\": \"2.00\", \"source\": \"Bank of Finland notice\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        // 500.00 from 16 February 2025: 135 days at 10.5 %, 365 at 9.5 %, July 2026's 31 at 2.00 + 7 = 9.0 %: 70.74
        assertThat(payoff()).isEqualTo("570.74");

        // as the command side in another process records a correction: this one reads it within its cache's 5 s
        ledger.database.sql("""
                        INSERT INTO reference_rate (jurisdiction, period_start, period_end, reference_rate_basis_points,
                                                    source, recorded_by)
                        VALUES ('FI', '2026-07-01', '2026-12-31', 300, 'corrected notice', 'operator')""")
                .update();
        // July 2026 at 3.00 + 7 = 10.0 %: 50,000 * (1050 * 135 + 950 * 365 + 1000 * 31) / 3,650,000 = 71.16
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(ReferenceRateQuotesTest::payoff, "571.16"::equals);
    }

    private static String payoff() {
        StandaloneLedger.Answer quote = ledger.as(Endpoints.ADVISOR).get(QUOTE);
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        return quote.json().path("debts").get(0).path("payoff").path("amount").asText();
    }
}
