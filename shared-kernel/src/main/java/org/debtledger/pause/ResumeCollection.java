package org.debtledger.pause;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;

/** Resumes paused collection from a date. */
public record ResumeCollection(@TargetAggregateIdentifier DebtId debtId, LocalDate date) implements DebtCommand {
}
