package org.debtledger.fee;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.List;

/** Charges a collection fee. Without an amount, the most the law allows is charged; extensionDays only for a due-date extension. */
public record ChargeFee(@TargetAggregateIdentifier DebtId debtId, FeeType type, Money amount, Integer extensionDays,
                        LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.on(date);
    }
}
