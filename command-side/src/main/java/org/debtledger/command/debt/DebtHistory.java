package org.debtledger.command.debt;

import org.debtledger.command.payment.RecordedPayment;
import org.debtledger.contact.ContactId;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.payment.PaymentId;

import java.util.List;
import java.util.Optional;

/**
 * A debt's own past events, looked up when a command needs more of them than the debt keeps: a payment or a contact
 * it names (the debt keeps no record of each, so loading it costs the same after ten payments or ten thousand), or
 * every fact about its money (to restate it when one arrives after interest was posted past its date). Its past
 * events never change, so the answer through a given sequence number never does either.
 */
public interface DebtHistory {

    /**
     * The payment with this id among the debt's events up to and including {@code throughSequence} (the version
     * the debt was loaded at), and whether one of those events reversed it. A payment id names a payment of this
     * debt only: the same id on another debt is another payment.
     */
    Optional<RecordedPayment> payment(DebtId debtId, PaymentId paymentId, long throughSequence);

    /**
     * The contact with this id among the debt's events up to and including {@code throughSequence}. A contact id
     * names a contact of this debt only.
     */
    Optional<ContactRecorded> contact(DebtId debtId, ContactId contactId, long throughSequence);

    /** The debt's events up to and including {@code throughSequence}, in order. */
    List<DebtEvent> events(DebtId debtId, long throughSequence);
}
