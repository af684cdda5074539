package org.debtledger.interest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The days on which a debt's late interest does not run: pauses that freeze interest, and a kept payment plan
 * when the agency's policy says so. The command side posts interest with it and the query side quotes payoffs
 * with it, so both skip exactly the same days.
 */
public record InterestFreezes(List<DateRange> ended, DateRange pause, DateRange plan) {

    public static final InterestFreezes NONE = new InterestFreezes(List.of(), null, null);

    public InterestFreezes {
        ended = List.copyOf(ended);
    }

    /** Every frozen range, the ongoing ones open-ended where they have no end yet. */
    public List<DateRange> ranges() {
        List<DateRange> ranges = new ArrayList<>(ended);
        if (pause != null) {
            ranges.add(pause);
        }
        if (plan != null) {
            ranges.add(plan);
        }
        return ranges;
    }

    public InterestFreezes paused(LocalDate from, LocalDate until) {
        return new InterestFreezes(ended, new DateRange(from, until), plan);
    }

    /** The pause ended: interest runs again from {@code resumedOn}, or from the day after its end date if earlier. */
    public InterestFreezes pauseEnded(LocalDate resumedOn) {
        if (pause == null) {
            return this;
        }
        LocalDate lastDay = latest(pause.from().minusDays(1), resumedOn.minusDays(1));
        if (pause.through() != null && pause.through().isBefore(lastDay)) {
            lastDay = pause.through();
        }
        return new InterestFreezes(append(pause.closedAt(lastDay)), null, plan);
    }

    /** Days that were frozen once, with a known end (an extended due date's, where interest stops meanwhile). */
    public InterestFreezes frozen(DateRange days) {
        return new InterestFreezes(append(days), pause, plan);
    }

    public InterestFreezes planKept(LocalDate from) {
        return new InterestFreezes(ended, pause, DateRange.openFrom(from));
    }

    /** The kept plan ended (broken, completed or the debt settled) on {@code lastDay}: interest runs from the next. */
    public InterestFreezes planEnded(LocalDate lastDay) {
        if (plan == null) {
            return this;
        }
        return new InterestFreezes(append(plan.closedAt(latest(plan.from().minusDays(1), lastDay))), pause, null);
    }

    private List<DateRange> append(DateRange range) {
        List<DateRange> all = new ArrayList<>(ended);
        all.add(range);
        return all;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
