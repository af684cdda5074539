package org.debtledger.debt;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The case was assigned to an advisor. */
@Revision("1")
public record CaseAssigned(DebtId debtId, AdvisorId advisorId, LocalDate date) implements DebtEvent {
}
