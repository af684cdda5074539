package org.debtledger.command.payment;

import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.plan.InstalmentPayment;

import java.time.LocalDate;
import java.util.List;

/**
 * A payment as its {@code PaymentReceived} event recorded it (the event's sequence number on the debt tells which
 * plan it paid), and whether it was reversed since: enough to recognise a repeat and to reverse exactly what it paid.
 */
public record RecordedPayment(Money amount, LocalDate valueDate, Allocation allocation,
                              List<InstalmentPayment> instalments, long sequenceNumber, boolean reversed) {

    public static RecordedPayment of(PaymentReceived event, long sequenceNumber, boolean reversed) {
        return new RecordedPayment(event.amount(), event.date(), event.allocation(), event.instalments(),
                sequenceNumber, reversed);
    }
}
