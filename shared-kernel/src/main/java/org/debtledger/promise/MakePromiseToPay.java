package org.debtledger.promise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.audit.Channel;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.List;

/** The debtor promised on {@code date}, through {@code channel}, to pay {@code amount} by {@code promisedFor}. */
public record MakePromiseToPay(@TargetAggregateIdentifier DebtId debtId, Money amount, LocalDate promisedFor,
                               Channel channel, LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.of(CommandDate.happens("date", date), CommandDate.planned("promisedFor", promisedFor));
    }
}
