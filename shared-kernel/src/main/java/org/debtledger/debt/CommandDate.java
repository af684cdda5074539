package org.debtledger.debt;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A business date a command carries, with the name of its field, so that the ledger can hold every date it takes
 * to a window it states. A date a request left out is not listed.
 *
 * @param planned true for a date the command plans ahead (an instalment's due date, a pause's end), which may lie
 *                further ahead than a date on which something happens
 */
public record CommandDate(String field, LocalDate date, boolean planned) {

    public CommandDate {
        Objects.requireNonNull(field, "field");
    }

    /** The day something happens or happened: a command's {@code date}, a payment's value date. */
    public static CommandDate happens(String field, LocalDate date) {
        return new CommandDate(field, date, false);
    }

    /** A day the command plans ahead. */
    public static CommandDate planned(String field, LocalDate date) {
        return new CommandDate(field, date, true);
    }

    /** The command's own {@code date}. */
    public static List<CommandDate> on(LocalDate date) {
        return of(happens("date", date));
    }

    /** The dates given, without those the request left out. */
    public static List<CommandDate> of(CommandDate... dates) {
        return Arrays.stream(dates).filter(date -> date.date() != null).toList();
    }
}
