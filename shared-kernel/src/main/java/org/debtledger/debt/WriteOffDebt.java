package org.debtledger.debt;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Writes off what is still owed: the agency gives up collecting it. */
public record WriteOffDebt(@TargetAggregateIdentifier DebtId debtId, String reason, LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.on(date);
    }
}
