package org.debtledger.fee;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;

import java.time.LocalDate;

/** A collection fee was charged; the cap in force is recorded so the charge can be explained later. */
@Revision("1")
public record FeeCharged(DebtId debtId, FeeType type, Money amount, Money cap, Integer extensionDays, LocalDate date) implements DebtEvent {
}
