package org.debtledger.query.stream;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtRegistered;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final Duration gapTimeout;
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

    EventLog(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer,
             PlatformTransactionManager transactionManager, Clock clock,
             @Value("${ledger.stream.gap-timeout:10s}") Duration gapTimeout) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
        this.gapTimeout = gapTimeout;
    }

    /** What a consumer asks for. Null filters match everything. */
    public record Filter(Set<String> types, String creditorId, String debtId) {

        boolean matches(PublicEvent event) {
            return (types == null || types.contains(event.type()))
                    && (creditorId == null || creditorId.equals(event.creditorId()))
                    && (debtId == null || debtId.equals(event.debtId()));
        }
    }

    /** Events after a position, and the position to ask for next (past events the filter left out, too). */
    public record Page(List<PublicEvent> events, long next) {
    }

    private record Row(long position, String eventId, String debtId, long sequenceNumber, String payloadType,
                       String revision, byte[] payload, Instant recordedAt) {
    }

    public Page after(long after, int limit, Filter filter) {
        return snapshot.execute(tx -> {
            boolean nothingInFlight = jdbc.sql("SELECT cardinality(ARRAY(SELECT pg_snapshot_xip(pg_current_snapshot())))")
                    .query(Integer.class).single() == 0;
            List<Row> rows = jdbc.sql("""
                            SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber, payloadtype,
                                   payloadrevision, payload, timestamp
                            FROM domainevententry WHERE globalindex > :after ORDER BY globalindex LIMIT :scan""")
                    .param("after", after).param("scan", Math.max(limit, Math.min(MAX_SCAN, limit * 20)))
                    .query((row, n) -> new Row(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                            row.getString(5), row.getString(6), row.getBytes(7), Instant.parse(row.getString(8))))
                    .list();
            Map<String, String> creditorsOfPage = creditorsOf(rows);
            List<PublicEvent> events = new ArrayList<>();
            long next = after;
            Instant now = clock.instant();
            for (Row row : rows) {
                if (row.position() != next + 1 && !holesSettled(next + 1, row.position() - 1, nothingInFlight, now)) {
                    break;
                }
                PublicEvent event = toPublic(row, creditorsOfPage);
                if (event != null && filter.matches(event)) {
                    events.add(event);
                }
                next = row.position();
                if (events.size() == limit) {
                    break;
                }
            }
            long passed = next;
            gapsSeen.keySet().removeIf(position -> position <= passed);
            return new Page(events, next);
        });
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

    private PublicEvent toPublic(Row row, Map<String, String> creditorsOfPage) {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(row.payload(), byte[].class,
                row.payloadType(), row.revision()));
        if (!(payload instanceof DebtEvent event)) {
            return null;
        }
        if (event instanceof DebtRegistered registered) {
            creditorsOfPage.put(row.debtId(), registered.creditorId().value());
            creditors.put(row.debtId(), registered.creditorId().value());
        }
        return PublishedLanguage.tell(event).map(told -> new PublicEvent(row.eventId(), row.position(), row.debtId(),
                row.sequenceNumber(), told.type(), 1, event.date(), row.recordedAt(),
                creditorsOfPage.get(row.debtId()), told.payload())).orElse(null);
    }

    /**
     * The creditors of the debts on a page: a debt registered on the page has its creditor put in as its registration
     * is read; the others come from those remembered, or, for the debts not remembered, from their registrations
     * (sequence number 0), all in one query.
     */
    private Map<String, String> creditorsOf(List<Row> rows) {
        Map<String, String> known = new HashMap<>();
        Set<String> registeredOnPage = new HashSet<>();
        Set<String> unknown = new HashSet<>();
        for (Row row : rows) {
            if (row.payloadType().equals(DebtRegistered.class.getName())) {
                registeredOnPage.add(row.debtId());
            } else if (!registeredOnPage.contains(row.debtId()) && !known.containsKey(row.debtId())) {
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
                        DebtRegistered registered = serializer.deserialize(new SimpleSerializedObject<>(
                                row.getBytes(2), byte[].class, DebtRegistered.class.getName(), "1"));
                        known.put(row.getString(1), registered.creditorId().value());
                        creditors.put(row.getString(1), registered.creditorId().value());
                        return registered;
                    })
                    .list();
        }
        return known;
    }
}
