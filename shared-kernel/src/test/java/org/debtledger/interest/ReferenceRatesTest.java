package org.debtledger.interest;

import org.debtledger.debt.DebtType;
import org.debtledger.debt.Jurisdiction;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceRatesTest {

    private static final LocalDate H1_2026 = LocalDate.parse("2026-01-01");

    private static ReferenceRates throughJune2026() {
        return ReferenceRates.of(Jurisdiction.FI, List.of(
                new ReferenceRates.Period(LocalDate.parse("2025-07-01"), LocalDate.parse("2025-12-31"), 250),
                new ReferenceRates.Period(H1_2026, LocalDate.parse("2026-06-30"), 250)));
    }

    @Test
    void ratesFromRowsGiveTheReferenceRatePlusTheLawsMargins() {
        ReferenceRates rates = ReferenceRates.of(Jurisdiction.FI, List.of(
                new ReferenceRates.Period(H1_2026, LocalDate.parse("2026-06-30"), 250)));
        assertThat(rates.over(H1_2026, H1_2026, DebtType.CONSUMER)).extracting(ReferenceRates.RatedDays::basisPoints)
                .containsExactly(950);
        assertThat(rates.over(H1_2026, H1_2026, DebtType.BUSINESS)).extracting(ReferenceRates.RatedDays::basisPoints)
                .containsExactly(1050);
        assertThat(rates.nextPeriodStart()).contains(LocalDate.parse("2026-07-01"));
    }

    @Test
    void theShippedTableIsTheSameAsItsRows() {
        ReferenceRates shipped = ReferenceRates.finland();
        assertThat(ReferenceRates.of(Jurisdiction.FI, shipped.periods()).periods()).isEqualTo(shipped.periods());
        assertThat(shipped.periods()).allSatisfy(period ->
                assertThat(HalfYear.isHalfYear(period.from(), period.through())).isTrue());
    }

    @Test
    void rowsWithAGapOrAnOverlapAreRefused() {
        assertThatThrownBy(() -> ReferenceRates.of(Jurisdiction.FI, List.of(
                new ReferenceRates.Period(H1_2026, LocalDate.parse("2026-06-30"), 250),
                new ReferenceRates.Period(LocalDate.parse("2026-06-30"), LocalDate.parse("2026-12-31"), 250))))
                .hasMessageContaining("without gap or overlap");
    }

    @Test
    void aDayAfterTheRatesNamesItsHalfYearAndTheRequestThatAddsIt() {
        assertThatThrownBy(() -> throughJune2026().over(LocalDate.parse("2026-07-31"), LocalDate.parse("2026-07-31"),
                DebtType.CONSUMER))
                .isInstanceOf(ReferenceRates.NoReferenceRate.class)
                .hasMessage("no reference rate is known for 2026-07-31 (the half year 2026-07-01 to 2026-12-31);"
                        + " an operator adds it with PUT /api/v1/reference-rates/FI/2026-07-01");
    }

    @Test
    void aDayHalfYearsAfterTheRatesNamesTheFirstHalfYearToAdd() {
        assertThatThrownBy(() -> throughJune2026().over(LocalDate.parse("2026-06-30"), LocalDate.parse("2027-02-01"),
                DebtType.CONSUMER))
                .hasMessage("no reference rate is known for 2026-07-01 (the half year 2026-07-01 to 2026-12-31);"
                        + " an operator adds it with PUT /api/v1/reference-rates/FI/2026-07-01");
        assertThatThrownBy(() -> throughJune2026().over(LocalDate.parse("2027-02-01"), LocalDate.parse("2027-02-01"),
                DebtType.CONSUMER))
                .hasMessage("no reference rate is known for 2027-02-01 (the half year 2027-01-01 to 2027-06-30);"
                        + " rates are known through 2026-06-30, so an operator adds each half year from 2026-07-01 on,"
                        + " starting with PUT /api/v1/reference-rates/FI/2026-07-01");
    }

    @Test
    void aDayBeforeTheRatesSaysNoneCanBeAddedThere() {
        assertThatThrownBy(() -> throughJune2026().over(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-01"),
                DebtType.CONSUMER))
                .hasMessage("no reference rate is known for 2025-03-01 (the half year 2025-01-01 to 2025-06-30);"
                        + " the rates begin on 2025-07-01 and none before it can be added");
    }

    @Test
    void halfYearsAreTheInterestActs() {
        assertThat(HalfYear.of(LocalDate.parse("2026-07-31"))).isEqualTo(
                new HalfYear(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-12-31")));
        assertThat(HalfYear.of(LocalDate.parse("2026-06-30")).next().first()).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(HalfYear.startingOn(LocalDate.parse("2026-07-02"))).isEmpty();
        assertThat(HalfYear.isHalfYear(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"))).isFalse();
        assertThat(HalfYear.isHalfYear(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-30"))).isTrue();
    }
}
