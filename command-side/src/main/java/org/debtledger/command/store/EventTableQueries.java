package org.debtledger.command.store;

import org.debtledger.debt.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the command side reads from Axon's event table by SQL, where Axon's API has no answer: where a command's
 * events landed, the debts in the order they were registered, and whether interest was posted at a rate. The
 * payment lookup is {@link StoredDebtHistory}'s. Every SQL statement on Axon's tables lives in this package.
 */
@Repository
public class EventTableQueries {

    private final JdbcClient jdbc;

    EventTableQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where an event sits: its sequence number on its debt and its position in the whole store. */
    public record Position(long sequenceNumber, long globalIndex) {
    }

    /** A debt, by the position of the event that registered it. */
    public record Registered(String debtId, long position) {
    }

    /**
     * Where each aggregate of {@code aggregates} stands: its event with the sequence number at the same place of
     * {@code sequences}, or its last event where that is null; one statement for them all, in their order.
     */
    public List<Position> positionsOf(List<String> aggregates, List<Long> sequences) {
        return jdbc.sql("""
                        SELECT event.sequencenumber, event.globalindex
                        FROM unnest(CAST(:aggregates AS text[]), CAST(:sequences AS bigint[]))
                             WITH ORDINALITY AS asked(id, sequence, n)
                        CROSS JOIN LATERAL (
                            SELECT sequencenumber, globalindex FROM domainevententry
                            WHERE aggregateidentifier = asked.id
                              AND (asked.sequence IS NULL OR sequencenumber = asked.sequence)
                            ORDER BY sequencenumber DESC LIMIT 1) event
                        ORDER BY asked.n""")
                .param("aggregates", aggregates.toArray(String[]::new))
                .param("sequences", sequences.toArray(Long[]::new))
                .query((row, n) -> new Position(row.getLong(1), row.getLong(2)))
                .list();
    }

    /** The sequence number of the last event of each of {@code aggregates} the store holds; none for one it lacks. */
    public Map<String, Long> lastSequences(Collection<String> aggregates) {
        Map<String, Long> last = new HashMap<>();
        jdbc.sql("""
                        SELECT aggregateidentifier, max(sequencenumber) FROM domainevententry
                        WHERE aggregateidentifier = ANY (CAST(:aggregates AS text[]))
                        GROUP BY aggregateidentifier""")
                .param("aggregates", aggregates.toArray(String[]::new))
                .query(row -> {
                    last.put(row.getString(1), row.getLong(2));
                });
        return last;
    }

    /** How many of the events at {@code positions} the store holds. */
    public long storedAt(List<Long> positions) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE globalindex = ANY (CAST(:positions AS bigint[]))")
                .param("positions", positions.toArray(Long[]::new))
                .query(Long.class).single();
    }

    /** How many debts were registered after {@code position}. */
    public int registeredCountAfter(long position) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE sequencenumber = 0 AND type = 'Debt'"
                        + " AND globalindex > :cursor")
                .param("cursor", position).query(Integer.class).single();
    }

    /** Up to {@code limit} debts registered after {@code position}, in the order they were registered. */
    public List<Registered> registeredAfter(long position, int limit) {
        return jdbc.sql("""
                        SELECT aggregateidentifier, globalindex FROM domainevententry
                        WHERE sequencenumber = 0 AND type = 'Debt' AND globalindex > :cursor
                        ORDER BY globalindex LIMIT :batch""")
                .param("cursor", position).param("batch", limit)
                .query((row, n) -> new Registered(row.getString(1), row.getLong(2)))
                .list();
    }

    /**
     * Whether interest posted on a debt of the jurisdiction rated any day from {@code from} through {@code through}:
     * a segment of an {@code InterestPosted} event covers one. Found through the index on each posting's last day.
     */
    public boolean interestPostedWithin(Jurisdiction jurisdiction, LocalDate from, LocalDate through) {
        return jdbc.sql("""
                        SELECT EXISTS (
                            SELECT 1
                            FROM domainevententry posted
                            JOIN domainevententry registered ON registered.aggregateidentifier = posted.aggregateidentifier
                                 AND registered.sequencenumber = 0
                            CROSS JOIN LATERAL jsonb_array_elements(
                                 convert_from(posted.payload, 'UTF8')::jsonb -> 'segments') AS segment
                            WHERE posted.payloadtype = 'org.debtledger.interest.InterestPosted'
                              AND interest_rated_through(posted.payload) >= :from
                              AND (segment ->> 'from')::date <= :through
                              AND (segment ->> 'through')::date >= :from
                              AND convert_from(registered.payload, 'UTF8')::jsonb ->> 'jurisdiction' = :jurisdiction)""")
                .param("from", from).param("through", through).param("jurisdiction", jurisdiction.name())
                .query(Boolean.class).single();
    }
}
