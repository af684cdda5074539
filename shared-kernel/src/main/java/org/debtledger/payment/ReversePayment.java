package org.debtledger.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;
import java.util.List;

/** Reverses a payment, for example one the bank returned. */
public record ReversePayment(@TargetAggregateIdentifier DebtId debtId, PaymentId paymentId, String reason,
                             LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.on(date);
    }
}
