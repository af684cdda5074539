package org.debtledger.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.audit.Channel;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.List;

/** Records a payment received. The same payment id recorded twice is applied once. */
public record RecordPayment(@TargetAggregateIdentifier DebtId debtId, PaymentId paymentId, Money amount,
                            LocalDate valueDate, Channel channel) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.of(CommandDate.happens("valueDate", valueDate));
    }
}
