package org.debtledger.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Record a contact about the debt on {@code date}. When the debtor asked to be called back, {@code callBackOn} and its
 * window ({@code callBackFrom} to {@code callBackTo}) say when; otherwise they are null. The note goes to the
 * debtor's personal data under the same contact id, never with the command.
 */
public record RecordContact(@TargetAggregateIdentifier DebtId debtId, ContactId contactId, ContactDirection direction,
                            ContactChannel channel, ContactOutcome outcome, LocalDate callBackOn,
                            LocalTime callBackFrom, LocalTime callBackTo, LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.of(CommandDate.happens("date", date), CommandDate.planned("callBackOn", callBackOn));
    }
}
