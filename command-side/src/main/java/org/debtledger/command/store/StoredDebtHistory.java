package org.debtledger.command.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.debtledger.command.debt.DebtHistory;
import org.debtledger.command.debt.ScannedDebtHistory;
import org.debtledger.command.payment.RecordedPayment;
import org.debtledger.contact.ContactId;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Finds a debt's payment by its id through the event store's payment index (one indexed lookup, whatever the
 * number of payments), then reads its {@code PaymentReceived} event back through the event store, upcasters and
 * all. A contact is found among the debt's own {@code ContactRecorded} events the same way. All run in the
 * command's transaction.
 */
@Component
class StoredDebtHistory implements DebtHistory {

    private static final String RECEIVED = PaymentReceived.class.getName();

    private final JdbcClient jdbc;
    private final EventStore eventStore;

    StoredDebtHistory(JdbcClient jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    @Override
    public Optional<RecordedPayment> payment(DebtId debtId, PaymentId paymentId, long throughSequence) {
        // The event types are written out, not bound, so that the planner always sees they match the partial index.
        List<Event> events = jdbc.sql("""
                        SELECT sequencenumber, payloadtype FROM domainevententry
                        WHERE aggregateidentifier = :debt AND payment_id(payload) = :payment
                          AND payloadtype IN ('%s', '%s') AND sequencenumber <= :through
                        ORDER BY sequencenumber""".formatted(RECEIVED, PaymentReversed.class.getName()))
                .param("debt", debtId.value())
                .param("payment", paymentId.value())
                .param("through", throughSequence)
                .query(Event.class)
                .list();
        Optional<Event> received = events.stream().filter(event -> event.payloadtype().equals(RECEIVED)).findFirst();
        if (received.isEmpty()) {
            return Optional.empty();
        }
        long sequence = received.get().sequencenumber();
        boolean reversed = events.stream().anyMatch(event -> !event.payloadtype().equals(RECEIVED));
        DomainEventStream stream = eventStore.readEvents(debtId.value(), sequence);
        DomainEventMessage<?> event = stream.hasNext() ? stream.next() : null;
        if (event == null || event.getSequenceNumber() != sequence || !(event.getPayload() instanceof PaymentReceived payment)) {
            throw new IllegalStateException("event " + sequence + " of debt " + debtId + " is not payment " + paymentId);
        }
        return Optional.of(RecordedPayment.of(payment, sequence, reversed));
    }

    @Override
    public Optional<ContactRecorded> contact(DebtId debtId, ContactId contactId, long throughSequence) {
        // the debt's own rows through the event store's key; only its contacts' JSON is read
        Optional<Long> sequence = jdbc.sql("""
                        SELECT sequencenumber FROM domainevententry
                        WHERE aggregateidentifier = :debt AND payloadtype = '%s' AND sequencenumber <= :through
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'contactId' = :contact
                        ORDER BY sequencenumber LIMIT 1""".formatted(ContactRecorded.class.getName()))
                .param("debt", debtId.value())
                .param("contact", contactId.value())
                .param("through", throughSequence)
                .query(Long.class)
                .optional();
        if (sequence.isEmpty()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(debtId.value(), sequence.get());
        DomainEventMessage<?> event = stream.hasNext() ? stream.next() : null;
        if (event == null || event.getSequenceNumber() != sequence.get()
                || !(event.getPayload() instanceof ContactRecorded contact)) {
            throw new IllegalStateException("event " + sequence.get() + " of debt " + debtId + " is not contact "
                    + contactId);
        }
        return Optional.of(contact);
    }

    @Override
    public List<DebtEvent> events(DebtId debtId, long throughSequence) {
        return ScannedDebtHistory.events(eventStore, debtId, throughSequence);
    }

    private record Event(long sequencenumber, String payloadtype) {
    }
}
