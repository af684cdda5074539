package org.debtledger.debt;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** The creditor takes the claim back from collection. */
public record RecallDebt(@TargetAggregateIdentifier DebtId debtId, String reason, LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.on(date);
    }
}
