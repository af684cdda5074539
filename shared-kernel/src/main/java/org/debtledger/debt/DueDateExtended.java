package org.debtledger.debt;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The due date moved at the debtor's request, by {@code days}: letters count from the new due date. Late interest
 * keeps running unless the jurisdiction's policy says otherwise; then {@code interestFrozenFrom} is the first day
 * through the new due date on which none runs (null when it keeps running).
 */
@Revision("1")
public record DueDateExtended(DebtId debtId, LocalDate previousDueDate, LocalDate dueDate, int days,
                              LocalDate interestFrozenFrom, LocalDate date) implements DebtEvent {
}
