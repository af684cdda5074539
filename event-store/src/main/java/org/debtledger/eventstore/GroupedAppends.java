package org.debtledger.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A storage engine that can hold a thread's appends and insert them together: the command side's group commit
 * decides each command of a group in a unit of work of its own, and each unit of work appends its events as it
 * ends, one insert each. While a thread {@linkplain #hold() holds} its appends, they wait here instead, and
 * {@link #flush()} inserts all of them in one batch, in the thread's transaction. Without a hold, an append goes
 * straight to the engine.
 * <p>
 * Held events are in no table yet, so whoever holds them flushes before anything reads what they would change: a
 * debt's own events before the next command on that debt is decided ({@link #holds(String)} tells), every held event
 * before a read across debts and before the group's positions are looked up. A unique-key conflict surfaces at the
 * flush, as Axon's concurrency exception, and fails the group's transaction as it would have failed the command's.
 */
public final class GroupedAppends implements EventStorageEngine {

    private final EventStorageEngine engine;
    private final ThreadLocal<Held> held = new ThreadLocal<>();

    public GroupedAppends(EventStorageEngine engine) {
        this.engine = engine;
    }

    /** From now until {@link #release()}, this thread's appends wait for its {@link #flush()}. */
    public void hold() {
        held.set(new Held());
    }

    /** Whether this thread holds events of the aggregate not yet inserted. */
    public boolean holds(String aggregate) {
        Held waiting = held.get();
        return waiting != null && waiting.aggregates.contains(aggregate);
    }

    /** Inserts every event this thread holds, in one batch, and goes on holding what comes after. */
    public void flush() {
        Held waiting = held.get();
        if (waiting == null || waiting.events.isEmpty()) {
            return;
        }
        List<EventMessage<?>> events = List.copyOf(waiting.events);
        waiting.events.clear();
        waiting.aggregates.clear();
        engine.appendEvents(events);
    }

    /** Stops holding; what is still held (its group rolled back) is dropped. */
    public void release() {
        held.remove();
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Held waiting = held.get();
        if (waiting == null) {
            engine.appendEvents(events);
            return;
        }
        for (EventMessage<?> event : events) {
            waiting.events.add(event);
            if (event instanceof DomainEventMessage<?> domain) {
                waiting.aggregates.add(domain.getAggregateIdentifier());
            }
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        engine.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return engine.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return engine.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return engine.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return engine.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }

    private static final class Held {
        final List<EventMessage<?>> events = new ArrayList<>();
        final Set<String> aggregates = new HashSet<>();
    }
}
