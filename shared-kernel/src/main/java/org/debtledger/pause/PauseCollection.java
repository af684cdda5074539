package org.debtledger.pause;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;
import java.util.List;

/** Pauses collection from a date until a date (inclusive). */
public record PauseCollection(@TargetAggregateIdentifier DebtId debtId, PauseReason reason, LocalDate from,
                              LocalDate until) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.of(CommandDate.happens("from", from), CommandDate.planned("until", until));
    }
}
