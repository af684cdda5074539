package org.debtledger.query.remittance;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.debtledger.creditor.CreditorEvent;
import org.debtledger.creditor.CreditorStream;
import org.debtledger.creditor.CreditorTerms;
import org.debtledger.debt.CreditorId;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The creditors as the agency configured them, read from each creditor's own events in the store when asked: a
 * handful of events a creditor, always as fresh as the store.
 */
@Component
public class CreditorDirectory {

    private final EventStore events;

    CreditorDirectory(EventStore events) {
        this.events = events;
    }

    /** The creditor's terms; empty when it was never registered. */
    public Optional<CreditorTerms> terms(CreditorId creditorId) {
        List<CreditorEvent> history = events.readEvents(CreditorStream.aggregateIdentifier(creditorId)).asStream()
                .map(Message::getPayload)
                .filter(CreditorEvent.class::isInstance)
                .map(CreditorEvent.class::cast)
                .toList();
        return history.isEmpty() ? Optional.empty() : Optional.of(CreditorTerms.of(history));
    }
}
