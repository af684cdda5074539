package org.debtledger.interest;

import org.debtledger.debt.DebtType;
import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
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

    /** The interest a principal earns from {@code from} through {@code through}, both inclusive. */
    public Accrual accrue(Money principal, DebtType type, LocalDate from, LocalDate through, List<DateRange> frozen) {
        List<InterestSegment> segments = new ArrayList<>();
        if (!principal.isPositive()) {
            return new Accrual(Money.zero(principal.currency()), segments);
        }
        LocalDate segmentStart = null;
        int segmentRate = 0;
        for (LocalDate day = from; !day.isAfter(through); day = day.plusDays(1)) {
            boolean accrues = !isFrozen(day, frozen);
            int rate = accrues ? rates.lateInterestBasisPoints(day, type) : 0;
            if (segmentStart != null && (!accrues || rate != segmentRate)) {
                segments.add(segment(segmentStart, day.minusDays(1), principal, segmentRate));
                segmentStart = null;
            }
            if (accrues && segmentStart == null) {
                segmentStart = day;
                segmentRate = rate;
            }
        }
        if (segmentStart != null) {
            segments.add(segment(segmentStart, through, principal, segmentRate));
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

    private static boolean isFrozen(LocalDate day, List<DateRange> frozen) {
        for (DateRange range : frozen) {
            if (range.contains(day)) {
                return true;
            }
        }
        return false;
    }

    private static InterestSegment segment(LocalDate from, LocalDate through, Money principal, int rate) {
        int days = (int) (through.toEpochDay() - from.toEpochDay() + 1);
        return new InterestSegment(from, through, days, principal, rate);
    }

    /** Interest accrued over a span of days, and the segments that show how. */
    public record Accrual(Money amount, List<InterestSegment> segments) {
    }
}
