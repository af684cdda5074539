package org.debtledger.query.remittance;

import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One debt's part in its creditor's remittance: whose claim it is, how far its events were applied, and the value
 * date of each payment received (a reversal is split by the contract that split the payment). Keyed on the debt's
 * sequence number, so an event applied before changes nothing. Immutable: an event gives a new one.
 *
 * @param creditorId null until the debt's registration is applied
 */
public record DebtRemittance(String debtId, String creditorId, long sequenceNumber, Map<String, LocalDate> payments) {

    public DebtRemittance {
        payments = Map.copyOf(payments);
    }

    static DebtRemittance initial(String debtId) {
        return new DebtRemittance(debtId, null, -1, Map.of());
    }

    /** The state after the debt's event at {@code sequence}: this one when applied before or the debt is unknown. */
    DebtRemittance after(DebtEvent event, long sequence) {
        if (sequence <= sequenceNumber) {
            return this;
        }
        if (event instanceof DebtRegistered registered) {
            return new DebtRemittance(debtId, registered.creditorId().value(), sequence, payments);
        }
        if (creditorId == null) {
            return this; // an event of a debt not registered changes nothing, as in the other read models
        }
        Map<String, LocalDate> known = payments;
        if (event instanceof PaymentReceived payment) {
            known = new HashMap<>(payments);
            known.put(payment.paymentId().value(), payment.date());
        }
        return new DebtRemittance(debtId, creditorId, sequence, known);
    }

    /**
     * The line the debt's event adds to its creditor's remittance, once it has been applied: a payment received, a
     * payment reversed (every part negative), or credit paid back to the debtor; none for any other event.
     */
    Optional<RemittanceEntry> entry(DebtEvent event, long position) {
        if (creditorId == null) {
            return Optional.empty();
        }
        if (event instanceof PaymentReceived payment) {
            return Optional.of(RemittanceEntry.of(position, debtId, creditorId, RemittanceEntry.Kind.PAYMENT,
                    payment.paymentId().value(), payment.date(), payment.date(), payment.amount(),
                    payment.allocation(), 1));
        }
        if (event instanceof PaymentReversed reversed) {
            LocalDate paidOn = payments.getOrDefault(reversed.paymentId().value(), reversed.date());
            return Optional.of(RemittanceEntry.of(position, debtId, creditorId, RemittanceEntry.Kind.REVERSAL,
                    reversed.paymentId().value(), reversed.date(), paidOn, reversed.amount(), reversed.restored(),
                    -1));
        }
        if (event instanceof CreditRefunded refunded) {
            return Optional.of(RemittanceEntry.refund(position, debtId, creditorId, refunded.date(),
                    refunded.amount()));
        }
        return Optional.empty();
    }
}
