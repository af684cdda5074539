package org.debtledger.pause;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;

/** Collection resumed on date, the first day no longer paused. */
@Revision("1")
public record CollectionResumed(DebtId debtId, PauseReason reason, ResumeCause cause, LocalDate date) implements DebtEvent {
}
