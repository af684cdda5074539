package org.debtledger.debt;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The debt was written off; the balance that was given up is recorded. */
@Revision("1")
public record DebtWrittenOff(DebtId debtId, Balance writtenOff, String reason, LocalDate date) implements DebtEvent {
}
