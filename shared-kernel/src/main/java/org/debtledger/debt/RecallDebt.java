package org.debtledger.debt;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The creditor takes the claim back from collection. */
public record RecallDebt(@TargetAggregateIdentifier DebtId debtId, String reason, LocalDate date) implements DebtCommand {
}
