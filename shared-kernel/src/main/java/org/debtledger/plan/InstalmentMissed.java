package org.debtledger.plan;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;

import java.time.LocalDate;

/** An instalment was not fully paid by the end of its grace period. */
@Revision("1")
public record InstalmentMissed(DebtId debtId, int planNumber, int instalmentNumber, LocalDate dueDate, Money unpaid,
                               LocalDate date) implements DebtEvent {
}
