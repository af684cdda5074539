package org.debtledger.debt;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Assigns the case to an advisor. */
public record AssignCase(@TargetAggregateIdentifier DebtId debtId, AdvisorId advisorId, LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.on(date);
    }
}
