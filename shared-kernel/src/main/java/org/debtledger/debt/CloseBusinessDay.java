package org.debtledger.debt;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Runs the close-of-business work of one business date on one debt: ended pauses, missed instalments, month-end interest. */
public record CloseBusinessDay(@TargetAggregateIdentifier DebtId debtId, LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.on(date);
    }
}
