package org.debtledger.dispute;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;

/** The creditor answered the dispute. */
@Revision("1")
public record DisputeResolved(DebtId debtId, DisputeOutcome outcome, LocalDate date) implements DebtEvent {
}
