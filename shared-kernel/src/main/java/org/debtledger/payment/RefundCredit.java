package org.debtledger.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.List;

/** Pays back to the debtor what they paid beyond the balance. */
public record RefundCredit(@TargetAggregateIdentifier DebtId debtId, Money amount, String reference, LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.on(date);
    }
}
