package org.debtledger.eventstore;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Axon's JDBC storage engine, with what the command side's group commit needs of it: a group's debts read ahead in
 * two statements, and its events inserted in one batch. Both are for the thread that asks, until it
 * {@linkplain #release() releases} them; other threads, and this one without them, read and append as Axon does.
 * <p>
 * <b>Read ahead.</b> Axon loads a debt in three statements: its latest snapshot, its events after it, and a last
 * read that finds no more. After {@link #readAhead(Collection)}, the first load of any of a group's debts reads the
 * snapshots and the events after them of all of them, in two statements, and each debt's first load takes its own
 * from there. A load that asks for anything else (a snapshot Axon's filter refused, so every event), and any load of
 * a debt the group has appended to, reads the table.
 * <p>
 * <b>Held appends.</b> Each command's unit of work appends its events as it ends, an insert each. While a thread
 * {@linkplain #hold() holds} them they wait here instead, and {@link #flush()} inserts all of them in one batch, in
 * the thread's transaction. Held events are in no table yet, so whoever holds them flushes before anything reads
 * what they would change: a debt's own events before its next command is decided ({@link #holds(String)} tells),
 * every held event before a read across debts and before the group's positions are looked up. A unique-key conflict
 * surfaces at the flush, as Axon's concurrency exception, and fails the group's transaction as it would have failed
 * the command's.
 */
public final class GroupedStorageEngine extends JdbcEventStorageEngine {

    /** The group the thread is deciding, if it is deciding one. */
    private final ThreadLocal<Group> groups = new ThreadLocal<>();

    public GroupedStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    /**
     * Marks these aggregates to be read ahead, for this thread's next load of each: the first load of any of them
     * reads their latest snapshots and the events after them, all at once. What was read for earlier ones is dropped.
     */
    public void readAhead(Collection<String> aggregates) {
        Group group = group();
        group.ahead.clear();
        group.toRead.clear();
        group.toRead.addAll(aggregates);
    }

    /** Reads the aggregates marked to be read ahead, in two statements. */
    private void read(Group group) {
        List<String> aggregates = List.copyOf(group.toRead);
        group.toRead.clear();
        for (String aggregate : aggregates) {
            group.ahead.put(aggregate, new ReadAhead());
        }
        EventSchema schema = schema();
        for (DomainEventData<?> snapshot : select("""
                SELECT %s FROM %s WHERE %s = ANY(?) ORDER BY %s DESC""".formatted(domainEventFields(),
                schema.snapshotTable(), schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn()),
                aggregates, true)) {
            group.ahead.get(snapshot.getAggregateIdentifier()).snapshots.add(snapshot);
        }
        // the events after each aggregate's latest snapshot, as Axon reads them when it loads from that snapshot
        for (DomainEventData<?> event : select("""
                SELECT %1$s FROM unnest(?::text[]) AS wanted(aggregate)
                CROSS JOIN LATERAL (SELECT max(%3$s) AS sequence FROM %5$s WHERE %2$s = wanted.aggregate) latest
                JOIN %4$s ON %2$s = wanted.aggregate AND %3$s > coalesce(latest.sequence, -1)
                ORDER BY %2$s, %3$s""".formatted(domainEventFields(), schema.aggregateIdentifierColumn(),
                schema.sequenceNumberColumn(), schema.domainEventTable(), schema.snapshotTable()),
                aggregates, false)) {
            group.ahead.get(event.getAggregateIdentifier()).events.add(event);
        }
    }

    private List<DomainEventData<?>> select(String sql, Collection<String> aggregates, boolean snapshots) {
        return JdbcUtils.executeQuery(getConnection(), connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setArray(1, connection.createArrayOf("text", aggregates.toArray()));
            return statement;
        }, JdbcUtils.listResults(snapshots ? this::getSnapshotData : this::getDomainEventData),
                failure -> new EventStoreException("the group's aggregates could not be read ahead", failure));
    }

    /** The thread's group, begun now if it had none. */
    private Group group() {
        Group group = groups.get();
        if (group == null) {
            group = new Group();
            groups.set(group);
        }
        return group;
    }

    private ReadAhead readAheadOf(String aggregate) {
        Group group = groups.get();
        if (group == null) {
            return null;
        }
        if (group.toRead.contains(aggregate)) {
            read(group);
        }
        return group.ahead.get(aggregate);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregate) {
        ReadAhead ahead = readAheadOf(aggregate);
        if (ahead == null || ahead.snapshotsTaken) {
            return super.readSnapshotData(aggregate);
        }
        ahead.snapshotsTaken = true;
        return ahead.snapshots.stream();
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregate, long firstSequenceNumber,
                                                                  int batchSize) {
        ReadAhead ahead = readAheadOf(aggregate);
        if (ahead == null) {
            return super.fetchDomainEvents(aggregate, firstSequenceNumber, batchSize);
        }
        if (!ahead.eventsTaken && firstSequenceNumber == ahead.firstSequence()) {
            ahead.eventsTaken = true;
            return ahead.events;
        }
        groups.get().ahead.remove(aggregate);
        if (ahead.eventsTaken && firstSequenceNumber == ahead.nextSequence()) {
            return List.of(); // Axon's last read, which finds no more: read ahead with the rest
        }
        return super.fetchDomainEvents(aggregate, firstSequenceNumber, batchSize);
    }

    /** From now until {@link #release()}, this thread's appends wait for its {@link #flush()}. */
    public void hold() {
        group().holding = true;
    }

    /** Whether this thread holds events of the aggregate not yet inserted. */
    public boolean holds(String aggregate) {
        Group group = groups.get();
        return group != null && group.heldAggregates.contains(aggregate);
    }

    /** Inserts every event this thread holds, in one batch, and goes on holding what comes after. */
    public void flush() {
        Group group = groups.get();
        if (group == null || group.held.isEmpty()) {
            return;
        }
        List<EventMessage<?>> events = List.copyOf(group.held);
        group.held.clear();
        group.heldAggregates.clear();
        super.appendEvents(events, getEventSerializer());
    }

    /** Stops holding and drops what this thread read ahead or still holds (its group rolled back). */
    public void release() {
        groups.remove();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        Group group = groups.get();
        if (group == null) {
            super.appendEvents(events, serializer);
            return;
        }
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                // what was read of it ahead is behind it now: its next load reads the table
                group.ahead.remove(domain.getAggregateIdentifier());
                group.toRead.remove(domain.getAggregateIdentifier());
                if (group.holding) {
                    group.heldAggregates.add(domain.getAggregateIdentifier());
                }
            }
        }
        if (group.holding) {
            group.held.addAll(events);
        } else {
            super.appendEvents(events, serializer);
        }
    }

    /** What a thread holds and has read ahead. */
    private static final class Group {
        boolean holding;
        final List<EventMessage<?>> held = new ArrayList<>();
        final Set<String> heldAggregates = new HashSet<>();
        final Set<String> toRead = new HashSet<>();
        final Map<String, ReadAhead> ahead = new HashMap<>();
    }

    /** An aggregate read ahead: its snapshots, newest first, and its events after the newest. */
    private static final class ReadAhead {
        final List<DomainEventData<?>> snapshots = new ArrayList<>();
        final List<DomainEventData<?>> events = new ArrayList<>();
        boolean snapshotsTaken;
        boolean eventsTaken;

        long firstSequence() {
            return snapshots.isEmpty() ? 0 : snapshots.get(0).getSequenceNumber() + 1;
        }

        long nextSequence() {
            return events.isEmpty() ? firstSequence() : events.get(events.size() - 1).getSequenceNumber() + 1;
        }
    }
}
