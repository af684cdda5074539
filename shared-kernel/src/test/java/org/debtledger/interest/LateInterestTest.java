package org.debtledger.interest;

import org.debtledger.debt.DebtType;
import org.debtledger.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LateInterestTest {

    private final LateInterest interest = new LateInterest(ReferenceRates.finland());
    private final Money hundred = Money.of("100.00", "EUR");

    @Test
    void consumerInterestIsTheReferenceRatePlusSevenPoints() {
        // 2025-07-01..30 at 2.5 % + 7 = 9.5 %: 100.00 * 0.095 * 30 / 365 = 0.7808 -> 0.78
        LateInterest.Accrual accrual = interest.accrue(hundred, DebtType.CONSUMER,
                LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-30"), List.of());
        assertThat(accrual.amount()).isEqualTo(Money.of("0.78", "EUR"));
        assertThat(accrual.segments()).containsExactly(new InterestSegment(LocalDate.parse("2025-07-01"),
                LocalDate.parse("2025-07-30"), 30, hundred, 950));
    }

    @Test
    void businessInterestIsTheReferenceRatePlusEightPoints() {
        LateInterest.Accrual accrual = interest.accrue(Money.of("10000.00", "EUR"), DebtType.BUSINESS,
                LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-01"), List.of());
        // 10000.00 * 0.105 / 365 = 2.8767 -> 2.88
        assertThat(accrual.amount()).isEqualTo(Money.of("2.88", "EUR"));
    }

    @Test
    void eachDayIsChargedAtTheRateOfItsHalfYear() {
        // 2025-06-21..30 at 10.5 %, 2025-07-01..10 at 9.5 %: 10000.00 * (0.105*10 + 0.095*10) / 365 = 54.79
        LateInterest.Accrual accrual = interest.accrue(Money.of("10000.00", "EUR"), DebtType.CONSUMER,
                LocalDate.parse("2025-06-21"), LocalDate.parse("2025-07-10"), List.of());
        assertThat(accrual.amount()).isEqualTo(Money.of("54.79", "EUR"));
        assertThat(accrual.segments()).extracting(InterestSegment::annualRateBasisPoints).containsExactly(1050, 950);
    }

    @Test
    void roundingHappensOnceOnTheWholeSpanNotPerDay() {
        // 1.00 at 9.5 % earns 0.026 cents a day: per-day rounding would give nothing.
        LateInterest.Accrual accrual = interest.accrue(Money.of("1.00", "EUR"), DebtType.CONSUMER,
                LocalDate.parse("2025-07-01"), LocalDate.parse("2025-12-31"), List.of());
        // 100 * 950 * 184 / 3,650,000 = 4.789 -> 0.05
        assertThat(accrual.amount()).isEqualTo(Money.of("0.05", "EUR"));
    }

    @Test
    void frozenDaysEarnNothing() {
        LateInterest.Accrual accrual = interest.accrue(hundred, DebtType.CONSUMER,
                LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-30"),
                List.of(new DateRange(LocalDate.parse("2025-07-11"), LocalDate.parse("2025-07-20")),
                        DateRange.openFrom(LocalDate.parse("2025-07-26"))));
        assertThat(accrual.segments()).extracting(InterestSegment::days).containsExactly(10, 5);
        // 10000 * 950 * 15 / 3,650,000 = 39.04 -> 0.39
        assertThat(accrual.amount()).isEqualTo(Money.of("0.39", "EUR"));
    }

    @Test
    void aDayWithNoKnownRateIsRefusedNotGuessed() {
        assertThatThrownBy(() -> interest.accrue(hundred, DebtType.CONSUMER,
                LocalDate.parse("2026-06-30"), LocalDate.parse("2026-07-01"), List.of()))
                .isInstanceOf(ReferenceRates.NoReferenceRate.class)
                .hasMessageContaining("2026-07-01");
    }

    @Test
    void aTableWhoseMarginsAreNotTheLawsIsRefusedAtStartUp() {
        String csv = "period_start,period_end,reference_rate_percent,late_interest_consumer_percent,"
                + "late_interest_business_percent,status,source\n"
                + "2025-01-01,2025-06-30,3.5,10.0,11.5,published,x\n";
        assertThatThrownBy(() -> ReferenceRates.load(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("plus 7");
    }

    @Test
    void aTableWithAGapIsRefusedAtStartUp() {
        String csv = "period_start,period_end,reference_rate_percent,late_interest_consumer_percent,"
                + "late_interest_business_percent,status,source\n"
                + "2025-01-01,2025-06-30,3.5,10.5,11.5,published,x\n"
                + "2025-07-02,2025-12-31,2.5,9.5,10.5,published,x\n";
        assertThatThrownBy(() -> ReferenceRates.load(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("without gap");
    }

    @Test
    void theShippedTableCoversJuly2022ThroughJune2026() {
        ReferenceRates rates = ReferenceRates.finland();
        LocalDate first = LocalDate.parse("2022-07-01");
        LocalDate last = LocalDate.parse("2026-06-30");
        assertThat(rates.over(first, first, DebtType.CONSUMER)).extracting(ReferenceRates.RatedDays::basisPoints)
                .containsExactly(700);
        assertThat(rates.over(last, last, DebtType.BUSINESS)).extracting(ReferenceRates.RatedDays::basisPoints)
                .containsExactly(1050);
    }

    @Test
    void aSpanOfAnyLengthIsComputedPerRatePeriodNotPerDay() {
        // a kept plan freezes interest from 2025-07-01 on: to the end of time, nothing accrues, and nothing loops
        LateInterest.Accrual frozen = interest.accrue(hundred, DebtType.CONSUMER, LocalDate.parse("2025-06-01"),
                LocalDate.MAX, List.of(DateRange.openFrom(LocalDate.parse("2025-07-01"))));
        assertThat(frozen.segments()).containsExactly(new InterestSegment(LocalDate.parse("2025-06-01"),
                LocalDate.parse("2025-06-30"), 30, hundred, 1050));
        assertThatThrownBy(() -> interest.accrue(hundred, DebtType.CONSUMER, LocalDate.parse("2025-06-01"),
                LocalDate.MAX, List.of()))
                .isInstanceOf(ReferenceRates.NoReferenceRate.class).hasMessageContaining("2026-07-01");
    }

    @Property(tries = 300)
    void perPeriodAccrualEqualsChargingEachDayAtItsRate(@ForAll @IntRange(min = 0, max = 1460) int start,
                                                        @ForAll @IntRange(min = 0, max = 400) int length,
                                                        @ForAll @IntRange(min = 1, max = 5_000_000) int cents,
                                                        @ForAll("freezes") List<DateRange> frozen) {
        LocalDate from = LocalDate.parse("2022-07-01").plusDays(start);
        LocalDate through = from.plusDays(length);
        if (through.isAfter(LocalDate.parse("2026-06-30"))) {
            through = LocalDate.parse("2026-06-30");
        }
        Money principal = Money.ofMinor(cents, "EUR");
        LateInterest.Accrual accrual = interest.accrue(principal, DebtType.CONSUMER, from, through, frozen);
        assertThat(accrual).isEqualTo(dayByDay(principal, from, through, frozen));
    }

    @Provide
    Arbitrary<List<DateRange>> freezes() {
        Arbitrary<DateRange> range = Combinators.combine(Arbitraries.integers().between(0, 1500),
                        Arbitraries.integers().between(-1, 120), Arbitraries.of(true, false, false, false))
                .as((start, length, open) -> {
                    LocalDate from = LocalDate.parse("2022-07-01").plusDays(start);
                    return open ? DateRange.openFrom(from) : new DateRange(from, from.plusDays(length));
                });
        return range.list().ofMaxSize(4);
    }

    /** The rule as the law states it, one day at a time: the reference the per-period computation must equal. */
    private static LateInterest.Accrual dayByDay(Money principal, LocalDate from, LocalDate through,
                                                 List<DateRange> frozen) {
        ReferenceRates rates = ReferenceRates.finland();
        List<InterestSegment> segments = new java.util.ArrayList<>();
        long numerator = 0;
        for (LocalDate day = from; !day.isAfter(through); day = day.plusDays(1)) {
            LocalDate today = day;
            if (frozen.stream().anyMatch(range -> range.contains(today))) {
                continue;
            }
            int rate = rates.over(day, day, DebtType.CONSUMER).get(0).basisPoints();
            numerator += principal.minorUnits() * rate;
            InterestSegment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last != null && last.annualRateBasisPoints() == rate && last.through().plusDays(1).equals(day)) {
                segments.set(segments.size() - 1, new InterestSegment(last.from(), day, last.days() + 1, principal, rate));
            } else {
                segments.add(new InterestSegment(day, day, 1, principal, rate));
            }
        }
        return new LateInterest.Accrual(Money.ofMinor((numerator + 1_825_000) / 3_650_000, "EUR"), segments);
    }
}
