package org.debtledger.command.debt;

import org.debtledger.debt.DebtId;
import org.debtledger.payment.PaymentId;

import java.util.Optional;

/**
 * The payments a debt received, looked up in its own past events when a command names one. The debt keeps no
 * record of each payment itself, so loading it costs the same after ten payments or ten thousand; its past events
 * never change, so the answer through a given sequence number never does either.
 */
public interface PaymentHistory {

    /**
     * The payment with this id among the debt's events up to and including {@code throughSequence} (the version
     * the debt was loaded at), and whether one of those events reversed it.
     */
    Optional<RecordedPayment> find(DebtId debtId, PaymentId paymentId, long throughSequence);
}
