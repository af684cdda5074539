package org.debtledger.interest;

import java.time.LocalDate;
import java.util.Objects;

/** Days from {@code from} through {@code through}, both inclusive; an open range has no {@code through} yet. */
public record DateRange(LocalDate from, LocalDate through) {

    public DateRange {
        Objects.requireNonNull(from, "from");
        if (through != null && through.isBefore(from.minusDays(1))) {
            throw new IllegalArgumentException("range ends before it starts");
        }
    }

    public static DateRange openFrom(LocalDate from) {
        return new DateRange(from, null);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && (through == null || !day.isAfter(through));
    }

    /** This range closed at {@code through}; a range closed before it starts is empty. */
    public DateRange closedAt(LocalDate through) {
        return new DateRange(from, through);
    }
}
