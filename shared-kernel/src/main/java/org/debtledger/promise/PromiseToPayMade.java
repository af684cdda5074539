package org.debtledger.promise;

import org.axonframework.serialization.Revision;
import org.debtledger.audit.Channel;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;

import java.time.LocalDate;

/**
 * The debtor promised on {@code date} to pay {@code amount} by {@code promisedFor}: the debt's promise
 * {@code number}. Payments valued up to {@code countsThrough} (the promised day and the policy's grace, fixed when
 * the promise is made) count towards it.
 */
@Revision("1")
public record PromiseToPayMade(DebtId debtId, int number, Money amount, LocalDate promisedFor,
                               LocalDate countsThrough, Channel channel, LocalDate date) implements DebtEvent {
}
