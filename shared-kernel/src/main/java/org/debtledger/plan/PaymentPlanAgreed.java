package org.debtledger.plan;

import org.axonframework.serialization.Revision;
import org.debtledger.audit.Channel;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;
import java.util.List;

/** A payment plan was agreed. interestFrozen says whether late interest stops while the plan is kept. */
@Revision("1")
public record PaymentPlanAgreed(DebtId debtId, int planNumber, List<Instalment> instalments, Channel channel,
                                Affordability affordability, String affordabilityOverrideReason,
                                boolean interestFrozen, LocalDate date) implements DebtEvent {
}
