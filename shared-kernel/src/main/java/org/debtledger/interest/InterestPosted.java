package org.debtledger.interest;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.List;

/** Late interest was posted for the days from accruedFrom through date; the segments show how it was computed. */
@Revision("1")
public record InterestPosted(DebtId debtId, Money amount, LocalDate accruedFrom, List<InterestSegment> segments,
                             LocalDate date) implements DebtEvent {
}
