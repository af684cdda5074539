package org.debtledger.interest;

import org.debtledger.debt.DebtType;
import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Simple late interest on an overdue principal: actual days / 365, each day at the rate of the half year it
 * falls in, nothing on frozen days, rounded half up to the minor unit once, when posted.
 * Used by the command side to post interest and by the query side to quote a payoff.
 */
public final class LateInterest {

    private static final long BASIS_POINTS_DAYS_PER_YEAR = 10_000L * 365;

    private final ReferenceRates rates;

    public LateInterest(ReferenceRates rates) {
        this.rates = rates;
    }

    /**
     * The interest a principal earns from {@code from} through {@code through}, both inclusive. The span is cut
     * into the days that accrue (outside {@code frozen}) and those into the rate periods they fall in, so its cost
     * grows with the number of periods and freezes, never with the number of days.
     */
    public Accrual accrue(Money principal, DebtType type, LocalDate from, LocalDate through, List<DateRange> frozen) {
        List<InterestSegment> segments = new ArrayList<>();
        if (!principal.isPositive()) {
            return new Accrual(Money.zero(principal.currency()), segments);
        }
        for (DateRange accruing : accruing(from, through, frozen)) {
            for (ReferenceRates.RatedDays rated : rates.over(accruing.from(), accruing.through(), type)) {
                InterestSegment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
                if (last != null && last.annualRateBasisPoints() == rated.basisPoints()
                        && last.through().plusDays(1).equals(rated.from())) {
                    segments.set(segments.size() - 1, segment(last.from(), rated.through(), principal, rated.basisPoints()));
                } else {
                    segments.add(segment(rated.from(), rated.through(), principal, rated.basisPoints()));
                }
            }
        }
        long numerator = 0;
        for (InterestSegment segment : segments) {
            numerator = Math.addExact(numerator, Math.multiplyExact(
                    Math.multiplyExact(segment.principal().minorUnits(), (long) segment.annualRateBasisPoints()),
                    (long) segment.days()));
        }
        long minorUnits = (numerator + BASIS_POINTS_DAYS_PER_YEAR / 2) / BASIS_POINTS_DAYS_PER_YEAR;
        return new Accrual(new Money(minorUnits, principal.currency()), List.copyOf(segments));
    }

    /** The days from {@code from} through {@code through} that no frozen range holds, as ranges in date order. */
    static List<DateRange> accruing(LocalDate from, LocalDate through, List<DateRange> frozen) {
        List<DateRange> sorted = new ArrayList<>(frozen);
        sorted.sort(Comparator.comparing(DateRange::from));
        List<DateRange> accruing = new ArrayList<>();
        long next = from.toEpochDay(); // the first day not yet placed
        long last = through.toEpochDay();
        for (DateRange range : sorted) {
            long rangeFrom = range.from().toEpochDay();
            long rangeThrough = range.through() == null ? Long.MAX_VALUE : range.through().toEpochDay();
            if (rangeThrough < rangeFrom || rangeThrough < next) {
                continue; // empty, or wholly before the days still to place
            }
            if (rangeFrom > last) {
                break;
            }
            if (rangeFrom > next) {
                accruing.add(new DateRange(LocalDate.ofEpochDay(next), LocalDate.ofEpochDay(rangeFrom - 1)));
            }
            if (rangeThrough >= last) {
                return accruing;
            }
            next = rangeThrough + 1;
        }
        if (next <= last) {
            accruing.add(new DateRange(LocalDate.ofEpochDay(next), through));
        }
        return accruing;
    }

    private static InterestSegment segment(LocalDate from, LocalDate through, Money principal, int rate) {
        int days = Math.toIntExact(through.toEpochDay() - from.toEpochDay() + 1);
        return new InterestSegment(from, through, days, principal, rate);
    }

    /** Interest accrued over a span of days, and the segments that show how. */
    public record Accrual(Money amount, List<InterestSegment> segments) {
    }
}
