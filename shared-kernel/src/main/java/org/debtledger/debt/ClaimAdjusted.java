package org.debtledger.debt;

import org.axonframework.serialization.Revision;
import org.debtledger.money.Money;

import java.time.LocalDate;

/** The claim's principal was reduced, for example when a dispute was upheld in part. */
@Revision("1")
public record ClaimAdjusted(DebtId debtId, Money principalReduction, String reason, LocalDate date) implements DebtEvent {
}
