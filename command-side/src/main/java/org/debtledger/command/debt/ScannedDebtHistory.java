package org.debtledger.command.debt;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.debtledger.command.payment.RecordedPayment;
import org.debtledger.contact.ContactId;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The debt's history read from any Axon event store, its events one by one: for a store without the ledger's payment
 * index, such as the aggregate test fixture's. The ledger itself looks payments up by that index.
 */
public final class ScannedDebtHistory implements DebtHistory {

    private final Supplier<EventStore> eventStore;

    public ScannedDebtHistory(EventStore eventStore) {
        this(() -> eventStore);
    }

    /** Asks for the event store at the first lookup: where building the store needs this history first. */
    public ScannedDebtHistory(Supplier<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<RecordedPayment> payment(DebtId debtId, PaymentId paymentId, long throughSequence) {
        List<? extends DomainEventMessage<?>> events = eventStore.get().readEvents(debtId.value(), 0).asStream()
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

    @Override
    public Optional<ContactRecorded> contact(DebtId debtId, ContactId contactId, long throughSequence) {
        return events(debtId, throughSequence).stream()
                .filter(event -> event instanceof ContactRecorded contact && contact.contactId().equals(contactId))
                .map(ContactRecorded.class::cast)
                .findFirst();
    }

    @Override
    public List<DebtEvent> events(DebtId debtId, long throughSequence) {
        return events(eventStore.get(), debtId, throughSequence);
    }

    /** The debt's events through a sequence number, read from {@code eventStore} with its upcasters. */
    public static List<DebtEvent> events(EventStore eventStore, DebtId debtId, long throughSequence) {
        return eventStore.readEvents(debtId.value(), 0).asStream()
                .filter(event -> event.getSequenceNumber() <= throughSequence)
                .map(event -> (DebtEvent) event.getPayload())
                .toList();
    }
}
