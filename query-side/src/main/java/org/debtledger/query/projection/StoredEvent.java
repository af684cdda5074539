package org.debtledger.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.debtledger.debt.DebtEvent;

import java.time.Instant;

/** An event of a debt as the event store holds it, with its own position there. */
public record StoredEvent(DomainEventMessage<?> message, long position) {

    public DebtEvent event() {
        return (DebtEvent) message.getPayload();
    }

    public String debtId() {
        return message.getAggregateIdentifier();
    }

    public long sequenceNumber() {
        return message.getSequenceNumber();
    }

    public Instant recordedAt() {
        return message.getTimestamp();
    }

    public MetaData metaData() {
        return message.getMetaData();
    }
}
