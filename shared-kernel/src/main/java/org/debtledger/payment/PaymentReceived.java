package org.debtledger.payment;

import org.axonframework.serialization.Revision;
import org.debtledger.audit.Channel;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;
import org.debtledger.plan.InstalmentPayment;

import java.time.LocalDate;
import java.util.List;

/** A payment was received on its value date and allocated to fees, interest, principal and credit, and to the plan's instalments. */
@Revision("1")
public record PaymentReceived(DebtId debtId, PaymentId paymentId, Money amount, Channel channel,
                              Allocation allocation, List<InstalmentPayment> instalments, LocalDate date) implements DebtEvent {
}
