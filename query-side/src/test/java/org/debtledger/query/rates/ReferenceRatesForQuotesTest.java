package org.debtledger.query.rates;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.debtledger.interest.ReferenceRateCache;
import org.debtledger.interest.ReferenceRates;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rates payoffs are quoted with, read from the event store's database as the command side keeps them. */
class ReferenceRatesForQuotesTest {

    private static EmbeddedPostgres postgres;
    private static JdbcClient database;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/eventstore").load().migrate();
        database = JdbcClient.create(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void theDatabaseIsSeededWithTheShippedTableAndAPeriodsNewestValueIsTheOneInForce() {
        ReferenceRateCache rates = new ReferenceRatesForQuotes().referenceRates(database, Duration.ZERO);
        assertThat(rates.get().periods()).isEqualTo(ReferenceRates.finland().periods());

        database.sql("""
                        INSERT INTO reference_rate (jurisdiction, period_start, period_end, reference_rate_basis_points,
                                                    source, recorded_by)
                        VALUES ('FI', '2026-07-01', '2026-12-31', 200, 'first notice', 'operator'),
                               ('FI', '2026-07-01', '2026-12-31', 250, 'corrected notice', 'operator')""")
                .update();

        assertThat(rates.get().periodStarting(LocalDate.parse("2026-07-01")))
                .contains(new ReferenceRates.Period(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-12-31"), 250));
        assertThat(rates.get().knownThrough()).contains(LocalDate.parse("2026-12-31"));
    }

    @Test
    void storedRatesAreNeverRewrittenAndEachIsAHalfYear() {
        assertThatThrownBy(() -> database.sql("UPDATE reference_rate SET reference_rate_basis_points = 0").update())
                .hasMessageContaining("only added");
        assertThatThrownBy(() -> database.sql("DELETE FROM reference_rate").update()).hasMessageContaining("only added");
        assertThatThrownBy(() -> database.sql("""
                        INSERT INTO reference_rate (jurisdiction, period_start, period_end, reference_rate_basis_points,
                                                    source, recorded_by)
                        VALUES ('FI', '2027-01-01', '2027-12-31', 200, 'a whole year', 'operator')""").update())
                .hasMessageContaining("reference_rate_half_year");
    }
}
