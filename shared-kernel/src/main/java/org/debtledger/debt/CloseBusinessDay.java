package org.debtledger.debt;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Runs the close-of-business work of one business date on one debt: ended pauses, missed instalments, month-end interest. */
public record CloseBusinessDay(@TargetAggregateIdentifier DebtId debtId, LocalDate date) implements DebtCommand {
}
