package org.debtledger.debt;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The creditor recalled the claim; the balance outstanding at that moment is recorded. */
@Revision("1")
public record DebtRecalled(DebtId debtId, Balance outstanding, String reason, LocalDate date) implements DebtEvent {
}
