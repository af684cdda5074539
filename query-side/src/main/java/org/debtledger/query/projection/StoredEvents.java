package org.debtledger.query.projection;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The event store's table of events as the query side reads it beside Axon: its head, the debts in it, a debt's
 * positions, the rows after a position, a rebuild's reading of whole debts. The one place outside Axon that knows
 * the table's name and columns.
 */
@Component
public class StoredEvents {

    private static final String ROWS_AFTER = """
            SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber, payloadtype, payloadrevision,
                   payload, timestamp
            FROM domainevententry WHERE globalindex > ? ORDER BY globalindex LIMIT ?""";
    /** The oldest transaction still in flight, and the first not yet begun, of the statement's snapshot. */
    private static final String HORIZON = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint,"
            + " pg_snapshot_xmax(pg_current_snapshot())::text::bigint";

    private final JdbcTemplate rows;
    private final JdbcClient jdbc;

    StoredEvents(JdbcTemplate rows) {
        this.rows = rows;
        this.jdbc = JdbcClient.create(rows);
    }

    /** An event as stored, its payload still the stored JSON. */
    public record Row(long position, String eventId, String debtId, long sequenceNumber, String payloadType,
                      String revision, byte[] payload, String recordedAt) {
    }

    /** The newest position in the store; 0 when it is empty. */
    public long head() {
        return jdbc.sql("SELECT coalesce(max(globalindex), 0) FROM domainevententry").query(Long.class).single();
    }

    /** Every debt with events, in order of its id (a creditor's events are kept beside them, of another type). */
    public List<String> debtIds() {
        return jdbc.sql("SELECT DISTINCT aggregateidentifier FROM domainevententry WHERE type = 'Debt'"
                        + " ORDER BY aggregateidentifier")
                .query(String.class).list();
    }

    /** Every debt with an event at or before {@code head}, in order of its id. */
    public List<String> debtIdsThrough(long head) {
        return jdbc.sql("SELECT DISTINCT aggregateidentifier FROM domainevententry"
                        + " WHERE globalindex <= :head AND type = 'Debt' ORDER BY aggregateidentifier")
                .param("head", head).query(String.class).list();
    }

    /** Each of the debt's events' position, by its sequence number. */
    public Map<Long, Long> positionsOf(String debtId) {
        Map<Long, Long> positions = new HashMap<>();
        jdbc.sql("SELECT sequencenumber, globalindex FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", debtId)
                .query((row, n) -> positions.put(row.getLong(1), row.getLong(2)))
                .list();
        return positions;
    }

    /** Every event of the debts as stored, in order of debt and sequence number, for Axon to upcast and read. */
    public List<TrackedDomainEventData<byte[]>> eventsOf(List<String> debts) {
        return jdbc.sql("""
                        SELECT globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, timestamp,
                               payloadtype, payloadrevision, payload, metadata
                        FROM domainevententry WHERE aggregateidentifier = ANY(:debts)
                        ORDER BY aggregateidentifier, sequencenumber""")
                .param("debts", debts.toArray(String[]::new))
                .query((row, n) -> new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong(1)),
                        new GenericDomainEventEntry<>(row.getString(2), row.getString(3), row.getLong(4),
                                row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                                row.getBytes(9), row.getBytes(10))))
                .list();
    }

    /**
     * Up to {@code limit} events after {@code after}, in position order, fetched {@code fetchSize} at a time as the
     * stream is read; close the stream.
     */
    public Stream<Row> after(long after, int limit, int fetchSize) {
        PreparedStatementCreator statement = connection -> {
            PreparedStatement rowsAfter = connection.prepareStatement(ROWS_AFTER);
            rowsAfter.setLong(1, after);
            rowsAfter.setInt(2, limit);
            rowsAfter.setFetchSize(fetchSize);
            return rowsAfter;
        };
        return rows.queryForStream(statement, (row, n) -> new Row(row.getLong(1), row.getString(2), row.getString(3),
                row.getLong(4), row.getString(5), row.getString(6), row.getBytes(7), row.getString(8)));
    }

    /** The stored payloads of the debts' registrations (their first events), by debt. */
    public Map<String, byte[]> registrationsOf(Set<String> debtIds) {
        Map<String, byte[]> registrations = new HashMap<>();
        jdbc.sql("""
                        SELECT aggregateidentifier, payload FROM domainevententry
                        WHERE sequencenumber = 0 AND aggregateidentifier = ANY (?)""")
                .param(debtIds.toArray(String[]::new))
                .query((row, n) -> registrations.put(row.getString(1), row.getBytes(2)))
                .list();
        return registrations;
    }

    /** The first event at or after {@code position}: its position and when it was recorded. */
    Optional<Map.Entry<Long, Instant>> firstFrom(long position) {
        return jdbc.sql("SELECT globalindex, timestamp FROM domainevententry WHERE globalindex >= :position"
                        + " ORDER BY globalindex LIMIT 1")
                .param("position", position)
                .query((row, n) -> Map.entry(row.getLong(1), Instant.parse(row.getString(2))))
                .optional();
    }

    /**
     * The database's transactions as the current statement's snapshot sees them: every one below {@code oldest} has
     * ended, none at or above {@code next} had begun. In a transaction of repeatable read, its own snapshot.
     */
    public record Horizon(long oldest, long next) {
    }

    public Horizon horizon() {
        return jdbc.sql("SELECT " + HORIZON).query((row, n) -> new Horizon(row.getLong(1), row.getLong(2))).single();
    }

    /** Whether an event is stored at a position, and the horizon of the snapshot that looked. */
    record Lookup(boolean stored, Horizon horizon) {
    }

    Lookup lookUp(long position) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM domainevententry WHERE globalindex = :position), " + HORIZON)
                .param("position", position)
                .query((row, n) -> new Lookup(row.getBoolean(1), new Horizon(row.getLong(2), row.getLong(3))))
                .single();
    }
}
