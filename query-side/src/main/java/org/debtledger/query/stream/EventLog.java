package org.debtledger.query.stream;

import org.debtledger.debt.DebtRegistered;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads public events from the event store in position order, never past a position that a transaction still in
 * flight may yet fill. Positions come from the store's global index, which concurrent transactions can commit
 * out of order: 12 may be visible while 11 is not yet. A missing position is given up as a hole (a rolled-back
 * append leaves one that never fills) only when this process first saw it missing longer ago than the gap
 * timeout, or, sooner, when it has been missing for a second and no transaction is in flight; until then the
 * page ends before it and the consumer asks again. No command transaction may last as long as the timeout.
 */
@Component
public class EventLog {

    private static final int MAX_SCAN = 2000;
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final String ROWS_AFTER = """
            SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber, payloadtype, payloadrevision,
                   payload, timestamp
            FROM domainevententry WHERE globalindex > ? ORDER BY globalindex LIMIT ?""";

    private final JdbcTemplate rows;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final Duration gapTimeout;
    private final DescriptionPublishing descriptions;
    /** When this process first saw each missing position it has not yet given up. */
    private final Map<Long, Instant> gapsSeen = new ConcurrentHashMap<>();
    /** Positions given up as holes: a consumer reading again from an older position passes them at once. */
    private final Set<Long> holes = ConcurrentHashMap.newKeySet();
    /** Recent debts' creditors, from the registrations read: a debt's creditor never changes. */
    private final Map<String, String> creditors = Collections.synchronizedMap(new LinkedHashMap<>(1000, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 10_000;
        }
    });

    EventLog(JdbcTemplate rows, PlatformTransactionManager transactionManager, Clock clock,
             @Value("${ledger.stream.gap-timeout:10s}") Duration gapTimeout, DescriptionPublishing descriptions) {
        this.rows = rows;
        this.jdbc = JdbcClient.create(rows);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        this.descriptions = descriptions;
    }

    /** What a consumer asks for. Null filters match everything. */
    public record Filter(Set<String> types, String creditorId, String debtId) {

        /** Whether an event of this type and debt passes, whichever its creditor. */
        boolean takes(String type, String debt) {
            return (types == null || types.contains(type)) && (debtId == null || debtId.equals(debt));
        }

        boolean takesCreditor(String creditor) {
            return creditorId == null || creditorId.equals(creditor);
        }

        boolean takesEverything() {
            return types == null && creditorId == null && debtId == null;
        }
    }

    /** Events after a position, and the position to ask for next (past events the filter left out, too). */
    public record Page(List<PublicEvent> events, long next) {
    }

    private record Row(long position, String eventId, String debtId, long sequenceNumber, String payloadType,
                       String revision, byte[] payload, String recordedAt) {
    }

    public Page after(long after, int limit, Filter filter) {
        return snapshot.execute(tx -> {
            boolean nothingInFlight = jdbc.sql("SELECT cardinality(ARRAY(SELECT pg_snapshot_xip(pg_current_snapshot())))")
                    .query(Integer.class).single() == 0;
            int scan = Math.max(limit, Math.min(MAX_SCAN, limit * 20));
            // rows come from the database a batch at a time, and no more are fetched once the page is done: an
            // unfiltered page sends nearly every row, so a batch is a page's worth; a filtered one may pass over many
            // rows for each it sends, so they come at once
            int batchSize = filter.takesEverything() ? limit : scan;
            List<PublicEvent> events = new ArrayList<>();
            long next = after;
            Instant now = clock.instant();
            try (Stream<Row> stream = rows.queryForStream(rowsAfter(after, scan, batchSize), EventLog::row)) {
                Iterator<Row> fetched = stream.iterator();
                boolean done = false;
                while (!done && fetched.hasNext()) {
                    List<Row> batch = nextBatch(fetched, batchSize);
                    Map<String, String> creditorsOfBatch = creditorsOf(batch, filter);
                    for (Row row : batch) {
                        if (row.position() != next + 1
                                && !holesSettled(next + 1, row.position() - 1, nothingInFlight, now)) {
                            done = true;
                            break;
                        }
                        PublicEvent event = toPublic(row, filter, creditorsOfBatch);
                        if (event != null) {
                            events.add(event);
                        }
                        next = row.position();
                        if (events.size() == limit) {
                            done = true;
                            break;
                        }
                    }
                }
            }
            long passed = next;
            gapsSeen.keySet().removeIf(position -> position <= passed);
            return new Page(events, next);
        });
    }

    private static PreparedStatementCreator rowsAfter(long after, int scan, int batchSize) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(ROWS_AFTER);
            statement.setLong(1, after);
            statement.setInt(2, scan);
            statement.setFetchSize(batchSize);
            return statement;
        };
    }

    private static Row row(ResultSet row, int n) throws SQLException {
        return new Row(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                row.getString(6), row.getBytes(7), row.getString(8));
    }

    /** The next rows, as many as the statement fetches in one round trip, or fewer at the end. */
    private static List<Row> nextBatch(Iterator<Row> rows, int batchSize) {
        List<Row> batch = new ArrayList<>(batchSize);
        while (batch.size() < batchSize && rows.hasNext()) {
            batch.add(rows.next());
        }
        return batch;
    }

    /** Whether the missing positions from {@code first} to {@code last} can no longer commit. */
    private boolean holesSettled(long first, long last, boolean nothingInFlight, Instant now) {
        if (holes.contains(first) && holes.contains(last)) {
            return true;
        }
        Instant seen = gapsSeen.computeIfAbsent(first, position -> now);
        Duration missing = Duration.between(seen, now);
        boolean settled = missing.compareTo(gapTimeout) >= 0 || (nothingInFlight && missing.compareTo(SETTLE) >= 0);
        if (settled) {
            for (long position = first; position <= last; position++) {
                gapsSeen.remove(position);
                holes.add(position);
            }
        }
        return settled;
    }

    /** The newest position any consumer could be given now. */
    public long head() {
        return jdbc.sql("SELECT coalesce(max(globalindex), 0) FROM domainevententry").query(Long.class).single();
    }

    /** The row as the public event it is told as, or null if it is not published or the filter leaves it out. */
    private PublicEvent toPublic(Row row, Filter filter, Map<String, String> creditorsOfBatch) {
        PublishedLanguage.Telling telling = PublishedLanguage.tellingOf(row.payloadType(), row.revision());
        if (telling == null || !filter.takes(telling.type(), row.debtId())) {
            return null;
        }
        JsonNode stored = null;
        if (telling.event() == DebtRegistered.class) {
            stored = read(row.payload());
            String creditor = creditorOf(stored);
            creditorsOfBatch.put(row.debtId(), creditor);
            creditors.put(row.debtId(), creditor);
        }
        String creditor = creditorsOfBatch.get(row.debtId());
        if (!filter.takesCreditor(creditor)) {
            return null;
        }
        if (stored == null) {
            stored = read(row.payload());
        }
        return new PublicEvent(row.eventId(), row.position(), row.debtId(), row.sequenceNumber(), telling.type(), 1,
                stored.path("date").stringValue(), recordedAt(row.recordedAt()), creditor,
                telling.payloadOf(stored, descriptions.publishedFor(creditor)));
    }

    /**
     * The creditors of the debts in a batch of rows that the filter may take: a debt registered in the batch has its
     * creditor put in as its registration is read; the others come from those remembered, or, for the debts not
     * remembered, from their registrations (sequence number 0), all in one query.
     */
    private Map<String, String> creditorsOf(List<Row> batch, Filter filter) {
        Map<String, String> known = new HashMap<>();
        Set<String> registeredInBatch = new HashSet<>();
        Set<String> unknown = new HashSet<>();
        for (Row row : batch) {
            PublishedLanguage.Telling telling = PublishedLanguage.tellingOf(row.payloadType(), row.revision());
            if (telling == null || !filter.takes(telling.type(), row.debtId())) {
                continue;
            }
            if (telling.event() == DebtRegistered.class) {
                registeredInBatch.add(row.debtId());
            } else if (!registeredInBatch.contains(row.debtId()) && !known.containsKey(row.debtId())) {
                String creditor = creditors.get(row.debtId());
                if (creditor != null) {
                    known.put(row.debtId(), creditor);
                } else {
                    unknown.add(row.debtId());
                }
            }
        }
        if (!unknown.isEmpty()) {
            jdbc.sql("""
                            SELECT aggregateidentifier, payload FROM domainevententry
                            WHERE sequencenumber = 0 AND aggregateidentifier = ANY (?)""")
                    .param(unknown.toArray(String[]::new))
                    .query((row, n) -> {
                        String creditor = creditorOf(read(row.getBytes(2)));
                        known.put(row.getString(1), creditor);
                        creditors.put(row.getString(1), creditor);
                        return creditor;
                    })
                    .list();
        }
        return known;
    }

    private static JsonNode read(byte[] payload) {
        return JsonMapper.shared().readTree(payload);
    }

    private static String creditorOf(JsonNode registration) {
        return registration.path("creditorId").stringValue();
    }

    /**
     * When an event was recorded, read digit by digit where it has the form Axon stores
     * ({@code 2025-03-05T10:15:30.125Z}: UTC, to the second and up to nine decimals), since the general parser took a
     * tenth of a page's processor time; any other form, or digits that make no valid time, the general way.
     */
    static Instant recordedAt(String stored) {
        int length = stored.length();
        if (length >= 20 && length != 21 && length <= 30 && stored.charAt(4) == '-' && stored.charAt(7) == '-'
                && stored.charAt(10) == 'T' && stored.charAt(13) == ':' && stored.charAt(16) == ':'
                && (length == 20 || stored.charAt(19) == '.') && stored.charAt(length - 1) == 'Z') {
            int year = digits(stored, 0, 4);
            int month = digits(stored, 5, 7);
            int day = digits(stored, 8, 10);
            int hour = digits(stored, 11, 13);
            int minute = digits(stored, 14, 16);
            int second = digits(stored, 17, 19);
            int nanos = 0;
            if (length > 20) {
                nanos = digits(stored, 20, length - 1);
                for (int decimals = length - 21; decimals < 9; decimals++) {
                    nanos *= 10;
                }
            }
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && nanos >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException notAValidTime) {
                    // a leap second or 24:00 among them: the general parser knows what it makes of those
                }
            }
        }
        return Instant.parse(stored);
    }

    /** The number the characters from {@code from} to {@code to} spell, or -1 if one of them is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
