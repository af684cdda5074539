package org.debtledger.query.debt;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.debtledger.debt.DebtEvent;
import org.debtledger.interest.LateInterest;
import org.debtledger.interest.ReferenceRateCache;
import org.debtledger.query.projection.StoredEvents;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A debt as it stood at any instant, rebuilt from the event store itself (never from the read models, never from
 * a snapshot) with the same fold the live debt view uses, so the replayed present is the debt view; and as it
 * stood at the end of a business date, from what was known then or is known now ({@link BusinessDateFold}).
 */
@Component
public class HistoryReplay {

    private final EventStore eventStore;
    private final StoredEvents stored;
    private final ReferenceRateCache referenceRates;

    HistoryReplay(EventStore eventStore, StoredEvents stored, ReferenceRateCache referenceRates) {
        this.eventStore = eventStore;
        this.stored = stored;
        this.referenceRates = referenceRates;
    }

    /** An event the replay used: where it is in the store, what it was, and when it happened and was recorded. */
    public record UsedEvent(long sequenceNumber, long position, String type, LocalDate businessDate,
                            Instant recordedAt) {
    }

    public record State(DebtView state, List<UsedEvent> events) {
    }

    /** Every event of the debt in order, with its position; empty for an unknown debt. */
    public List<Recorded> events(String debtId) {
        List<? extends DomainEventMessage<?>> messages = eventStore.readEvents(debtId, 0L).asStream().toList();
        // read after the events, so every event read has its position here
        Map<Long, Long> positions = stored.positionsOf(debtId);
        List<Recorded> events = new ArrayList<>();
        for (DomainEventMessage<?> message : messages) {
            events.add(new Recorded((DebtEvent) message.getPayload(), message.getSequenceNumber(),
                    positions.get(message.getSequenceNumber()), message.getTimestamp()));
        }
        return events;
    }

    /** The state folded from the events recorded at or before {@code asOf}. */
    public State asOf(List<Recorded> events, Instant asOf) {
        DebtView view = null;
        List<UsedEvent> used = new ArrayList<>();
        for (Recorded event : events) {
            if (event.recordedAt().isAfter(asOf)) {
                break;
            }
            view = DebtViewFold.apply(view, event.event(), event.sequenceNumber(), event.position());
            used.add(event.used());
        }
        return new State(view, used);
    }

    /**
     * The debt at the end of {@code businessDate}, from the events recorded at or before {@code knownAt} (all of
     * them when it is null), its interest at the reference rates payoffs are quoted with.
     */
    public BusinessDateFold.State onBusinessDate(List<Recorded> events, LocalDate businessDate, Instant knownAt) {
        List<Recorded> known = knownAt == null ? events
                : events.stream().takeWhile(event -> !event.recordedAt().isAfter(knownAt)).toList();
        return BusinessDateFold.at(known, businessDate, new LateInterest(referenceRates.get()));
    }

    /** One stored event of the debt. */
    public record Recorded(DebtEvent event, long sequenceNumber, long position, Instant recordedAt) {

        UsedEvent used() {
            return new UsedEvent(sequenceNumber, position, event.getClass().getSimpleName(), event.date(), recordedAt);
        }
    }
}
