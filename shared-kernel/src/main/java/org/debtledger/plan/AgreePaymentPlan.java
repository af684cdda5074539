package org.debtledger.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.audit.Channel;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Agrees a payment plan. An advisor may override the affordability check, giving a reason. */
public record AgreePaymentPlan(@TargetAggregateIdentifier DebtId debtId, List<Instalment> instalments,
                               Channel channel, Affordability affordability, String affordabilityOverrideReason,
                               LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        List<CommandDate> dates = new ArrayList<>(CommandDate.on(date));
        for (int i = 0; instalments != null && i < instalments.size(); i++) {
            dates.add(CommandDate.planned("instalments[" + i + "].dueDate", instalments.get(i).dueDate()));
        }
        return dates;
    }
}
