package org.debtledger.debt;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Writes off what is still owed: the agency gives up collecting it. */
public record WriteOffDebt(@TargetAggregateIdentifier DebtId debtId, String reason, LocalDate date) implements DebtCommand {
}
