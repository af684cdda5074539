package org.debtledger.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.debtledger.debt.DebtEvent;

import java.util.List;
import java.util.Optional;

/**
 * A read model as a rebuild fills it, a debt at a time: every event of the debt, in order, folded with the same
 * rules as the model's projection and added as rows of a new version of its tables.
 */
public interface ReadModelFill {

    /** The processing group whose model this fills. */
    String processingGroup();

    /**
     * Adds the debt's rows to {@code rows}: its state after all of {@code events}, or, when one of them cannot be
     * folded, after the events before it; that one is then the failure.
     */
    Optional<Failure> fold(List<StoredEvent> events, int version, CopyRows rows);

    /** An event of a debt and its own position in the event store. */
    record StoredEvent(DomainEventMessage<?> message, long position) {

        public DebtEvent event() {
            return (DebtEvent) message.getPayload();
        }
    }

    /** The event at {@code index} of a debt's events could not be folded. */
    record Failure(int index, RuntimeException cause) {
    }
}
