package org.debtledger.debt;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Everything owed on the debt was paid. */
@Revision("1")
public record DebtSettled(DebtId debtId, LocalDate date) implements DebtEvent {
}
