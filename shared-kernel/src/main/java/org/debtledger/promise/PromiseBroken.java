package org.debtledger.promise;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;

import java.time.LocalDate;

/**
 * Promise {@code number} was broken, found so by close of business on {@code date}: only {@code arrived} of the
 * {@code amount} promised reached the claim in time (zero when nothing did, more when it was kept in part).
 */
@Revision("1")
public record PromiseBroken(DebtId debtId, int number, Money amount, Money arrived, LocalDate date)
        implements DebtEvent {
}
