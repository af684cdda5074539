package org.debtledger.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An event's own position in the event store. The tracking token handed to a handler is not it when events
 * commit out of order: an event that fills a gap arrives with a token already past it, at the higher position
 * seen before. Read models record the event's own position, so the audit timeline and the store agree. The
 * positions of a whole batch are read in one query, when its first event asks.
 */
@Component
public class EventPositions {

    private final JdbcClient jdbc;

    EventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Key(String debtId, long sequenceNumber) {
    }

    public long of(DomainEventMessage<?> event) {
        Map<Key, Long> batch = ProcessingBatch.state(EventPositions.class.getName(), this::ofBatch);
        Long position = batch.get(new Key(event.getAggregateIdentifier(), event.getSequenceNumber()));
        if (position == null) {
            throw new IllegalStateException("event " + event.getSequenceNumber() + " of debt "
                    + event.getAggregateIdentifier() + " is not in the event store");
        }
        return position;
    }

    private Map<Key, Long> ofBatch() {
        List<DomainEventMessage<?>> events = ProcessingBatch.events();
        return jdbc.sql("SELECT e.aggregateidentifier, e.sequencenumber, e.globalindex FROM domainevententry e"
                        + " JOIN unnest(:debts, :sequences) AS b(debt, sequence)"
                        + " ON e.aggregateidentifier = b.debt AND e.sequencenumber = b.sequence")
                .param("debts", events.stream().map(DomainEventMessage::getAggregateIdentifier).toArray(String[]::new))
                .param("sequences", events.stream().map(DomainEventMessage::getSequenceNumber).toArray(Long[]::new))
                .query((row, n) -> Map.entry(new Key(row.getString(1), row.getLong(2)), row.getLong(3)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (same, again) -> same));
    }
}
