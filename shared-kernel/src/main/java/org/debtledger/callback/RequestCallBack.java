package org.debtledger.callback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The debtor asks to be called back about the debt on a day, between two times of that day (the agency's time).
 * Whom to call is the debtor's contact on file: no phone number travels with the request.
 */
public record RequestCallBack(@TargetAggregateIdentifier DebtId debtId, LocalDate on, LocalTime from, LocalTime to,
                              LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.of(CommandDate.happens("date", date), CommandDate.planned("on", on));
    }
}
