package org.debtledger.limitation;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;

/**
 * The limitation date passed without a restart: no fee, no late interest after it and no collection; a payment the
 * debtor still makes is recorded.
 */
@Revision("1")
public record DebtTimeBarred(DebtId debtId, LocalDate limitationDate, LocalDate date) implements DebtEvent {
}
