package org.debtledger.limitation;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;

/** Close of business saw the claim's limitation date come near: unless restarted, it is time-barred after it. */
@Revision("1")
public record LimitationApproaching(DebtId debtId, LocalDate limitationDate, LocalDate date) implements DebtEvent {
}
