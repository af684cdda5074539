package org.debtledger.payment;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;
import org.debtledger.plan.InstalmentPayment;

import java.time.LocalDate;
import java.util.List;

/** A payment was reversed: what it paid is owed again, in the same components and instalments. */
@Revision("1")
public record PaymentReversed(DebtId debtId, PaymentId paymentId, Money amount, Allocation restored,
                              List<InstalmentPayment> instalments, String reason, LocalDate date) implements DebtEvent {
}
