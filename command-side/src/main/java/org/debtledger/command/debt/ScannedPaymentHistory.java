package org.debtledger.command.debt;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.debtledger.debt.DebtId;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;

import java.util.List;
import java.util.Optional;

/**
 * The payment history read from any Axon event store, the debt's events one by one: for a store without the
 * ledger's payment index, such as the aggregate test fixture's. The ledger itself looks payments up by that index.
 */
public final class ScannedPaymentHistory implements PaymentHistory {

    private final EventStore eventStore;

    public ScannedPaymentHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<RecordedPayment> find(DebtId debtId, PaymentId paymentId, long throughSequence) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(debtId.value(), 0).asStream()
                .filter(event -> event.getSequenceNumber() <= throughSequence)
                .toList();
        boolean reversed = events.stream().anyMatch(event -> event.getPayload() instanceof PaymentReversed reversal
                && reversal.paymentId().equals(paymentId));
        return events.stream()
                .filter(event -> event.getPayload() instanceof PaymentReceived payment
                        && payment.paymentId().equals(paymentId))
                .findFirst()
                .map(event -> RecordedPayment.of((PaymentReceived) event.getPayload(), event.getSequenceNumber(),
                        reversed));
    }
}
