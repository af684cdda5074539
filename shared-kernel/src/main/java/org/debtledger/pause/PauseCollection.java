package org.debtledger.pause;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;

/** Pauses collection from a date until a date (inclusive). */
public record PauseCollection(@TargetAggregateIdentifier DebtId debtId, PauseReason reason, LocalDate from,
                              LocalDate until) implements DebtCommand {
}
