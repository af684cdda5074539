package org.debtledger.plan;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;

/** Too many instalments were missed: the plan is broken and the whole balance is due at once. */
@Revision("1")
public record PaymentPlanBroken(DebtId debtId, int planNumber, int missedInstalments, LocalDate date) implements DebtEvent {
}
