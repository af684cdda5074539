package org.debtledger.command.debt;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;

import java.util.List;
import java.util.function.Supplier;

/**
 * A debt's own past events, read back through the event store with its upcasters, for the one decision that needs
 * more than the debt keeps: restating its money when a fact arrives dated before interest already posted. Its past
 * events never change, so the answer through a given sequence number never does either.
 */
public final class DebtHistory {

    private final Supplier<EventStore> eventStore;

    public DebtHistory(EventStore eventStore) {
        this(() -> eventStore);
    }

    /** Asks for the event store at the first read: where building the store needs this history first. */
    public DebtHistory(Supplier<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    /** The debt's events up to and including {@code throughSequence}, in order. */
    public List<DebtEvent> events(DebtId debtId, long throughSequence) {
        return eventStore.get().readEvents(debtId.value(), 0).asStream()
                .filter(event -> event.getSequenceNumber() <= throughSequence)
                .map(event -> (DebtEvent) event.getPayload())
                .toList();
    }
}
