package org.debtledger.interest;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;

/**
 * A half year of the Interest Act (633/1982 s.12): 1 January to 30 June, or 1 July to 31 December. Each has its
 * own reference rate.
 */
public record HalfYear(LocalDate first, LocalDate last) {

    public HalfYear {
        if (!isHalfYear(first, last)) {
            throw new IllegalArgumentException(first + " to " + last + " is not a half year");
        }
    }

    /** The half year {@code day} falls in. */
    public static HalfYear of(LocalDate day) {
        LocalDate first = day.withDayOfMonth(1).withMonth(day.getMonthValue() <= 6 ? 1 : 7);
        return new HalfYear(first, lastDayOf(first));
    }

    /** The half year that starts on {@code first}, if a half year starts on that day. */
    public static Optional<HalfYear> startingOn(LocalDate first) {
        return startsAHalfYear(first) ? Optional.of(of(first)) : Optional.empty();
    }

    public static boolean isHalfYear(LocalDate first, LocalDate last) {
        return first != null && last != null && startsAHalfYear(first) && last.equals(lastDayOf(first));
    }

    /** The half year after this one. */
    public HalfYear next() {
        return of(last.plusDays(1));
    }

    private static boolean startsAHalfYear(LocalDate day) {
        return day.getDayOfMonth() == 1 && (day.getMonth() == Month.JANUARY || day.getMonth() == Month.JULY);
    }

    private static LocalDate lastDayOf(LocalDate first) {
        return first.getMonth() == Month.JANUARY ? first.withMonth(6).withDayOfMonth(30)
                : first.withMonth(12).withDayOfMonth(31);
    }

    @Override
    public String toString() {
        return first + " to " + last;
    }
}
