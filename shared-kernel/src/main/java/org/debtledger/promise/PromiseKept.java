package org.debtledger.promise;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;

import java.time.LocalDate;

/**
 * Promise {@code number} was kept: {@code arrived} reached the claim towards the {@code amount} promised (or settled
 * the debt), by the payment valued on {@code date}.
 */
@Revision("1")
public record PromiseKept(DebtId debtId, int number, Money amount, Money arrived, LocalDate date)
        implements DebtEvent {
}
