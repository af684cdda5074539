package org.debtledger.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.audit.Channel;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;
import java.util.List;

/** Agrees a payment plan. An advisor may override the affordability check, giving a reason. */
public record AgreePaymentPlan(@TargetAggregateIdentifier DebtId debtId, List<Instalment> instalments,
                               Channel channel, Affordability affordability, String affordabilityOverrideReason,
                               LocalDate date) implements DebtCommand {
}
