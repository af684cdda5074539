package org.debtledger.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;

/** Reverses a payment, for example one the bank returned. */
public record ReversePayment(@TargetAggregateIdentifier DebtId debtId, PaymentId paymentId, String reason,
                             LocalDate date) implements DebtCommand {
}
