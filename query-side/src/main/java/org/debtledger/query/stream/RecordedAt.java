package org.debtledger.query.stream;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The time an event was recorded, as the event store holds it. */
final class RecordedAt {

    private RecordedAt() {
    }

    /**
     * When an event was recorded, read digit by digit where it has the form Axon stores
     * ({@code 2025-03-05T10:15:30.125Z}: UTC, to the second and up to nine decimals), faster than the general parser
     * on every event of a page; any other form, or digits that make no valid time, the general way.
     */
    static Instant parse(String stored) {
        int length = stored.length();
        if (length >= 20 && length != 21 && length <= 30 && stored.charAt(4) == '-' && stored.charAt(7) == '-'
                && stored.charAt(10) == 'T' && stored.charAt(13) == ':' && stored.charAt(16) == ':'
                && (length == 20 || stored.charAt(19) == '.') && stored.charAt(length - 1) == 'Z') {
            int year = digits(stored, 0, 4);
            int month = digits(stored, 5, 7);
            int day = digits(stored, 8, 10);
            int hour = digits(stored, 11, 13);
            int minute = digits(stored, 14, 16);
            int second = digits(stored, 17, 19);
            int nanos = 0;
            if (length > 20) {
                nanos = digits(stored, 20, length - 1);
                for (int decimals = length - 21; decimals < 9; decimals++) {
                    nanos *= 10;
                }
            }
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && nanos >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException notAValidTime) {
                    // a leap second or 24:00 among them: the general parser knows what it makes of those
                }
            }
        }
        return Instant.parse(stored);
    }

    /** The number the characters from {@code from} to {@code to} spell, or -1 if one of them is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
