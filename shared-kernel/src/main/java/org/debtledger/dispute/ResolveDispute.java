package org.debtledger.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.List;

/** Records the creditor's answer. An upheld dispute writes the debt off, or reduces the principal by adjustment. */
public record ResolveDispute(@TargetAggregateIdentifier DebtId debtId, DisputeOutcome outcome, Money adjustment,
                             LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.on(date);
    }
}
