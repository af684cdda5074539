package org.debtledger.dispute;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;

/** The debtor disputed the claim. */
@Revision("1")
public record DebtDisputed(DebtId debtId, String reason, LocalDate date) implements DebtEvent {
}
