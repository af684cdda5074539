package org.debtledger.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;
import java.util.List;

/** The debtor disputes the claim: collection stops until the creditor answers. */
public record OpenDispute(@TargetAggregateIdentifier DebtId debtId, String reason, LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.on(date);
    }
}
