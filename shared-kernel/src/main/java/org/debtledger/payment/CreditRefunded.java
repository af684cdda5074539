package org.debtledger.payment;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;

import java.time.LocalDate;

/** Credit owed to the debtor was paid back. */
@Revision("1")
public record CreditRefunded(DebtId debtId, Money amount, String reference, LocalDate date) implements DebtEvent {
}
