package org.debtledger.payment;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;

import java.time.LocalDate;

/**
 * The balance restated as it stands had a fact arrived on its date ({@code date}): a payment value-dated before
 * interest already posted (recorded just before the payment itself; the interest posted since re-rated on what it
 * left, later payments allocated again), or, with no {@code paymentId}, the month-end posting of a close of business
 * run after later interest. Each amount is a change, negative where the part fell.
 */
@Revision("1")
public record BalanceRestated(DebtId debtId, PaymentId paymentId, Money fees, Money interest, Money principal,
                              Money credit, LocalDate date) implements DebtEvent {
}
