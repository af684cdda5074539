package org.debtledger.command.fee;

import org.debtledger.money.Money;

import java.time.LocalDate;

/**
 * What moving the due date by {@code days} on {@code date} would do: the due date it moves from and to, and whether
 * it is free or what it costs ({@code fee}, null when free).
 */
public record ExtensionQuote(String debtId, LocalDate date, int days, LocalDate dueDate, LocalDate newDueDate,
                             boolean free, Money fee) {
}
