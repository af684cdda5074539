package org.debtledger.query;

import org.debtledger.debt.DebtEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An event's own position in the event store. The tracking token handed to a handler is not it when events
 * commit out of order: an event that fills a gap arrives with a token already past it, at the higher position
 * seen before. Read models record the event's own position, so the audit timeline and the store agree.
 */
@Component
public class EventPositions {

    private final JdbcClient jdbc;

    EventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long of(DebtEvent event, long sequenceNumber) {
        return jdbc.sql("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = :debt"
                        + " AND sequencenumber = :sequence")
                .param("debt", event.debtId().value()).param("sequence", sequenceNumber)
                .query(Long.class).single();
    }
}
