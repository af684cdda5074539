package org.debtledger.query.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.edge.Caller;
import org.debtledger.edge.Purpose;
import org.debtledger.query.config.QueryConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every read of a debtor's data, recorded before the answer leaves: who (the authenticated caller and its
 * roles), when, which debtor and debt, through which endpoint, and the {@code X-Channel}, {@code X-Reason}
 * and {@code X-Correlation-Id} the caller gave. Compliance reads it back. Reads that arrive together have their
 * entries committed together ({@link AccessLogWrites}), on the queries' own connections ({@link QueryConnections}).
 */
@Component
public class AccessLog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    /** How long a read waits for its entry's commit before it is refused. */
    private static final long WAIT_FOR_COMMIT_MILLIS = 10_000;

    private final JdbcClient jdbc;
    private final AccessLogWrites writes;
    private final Counter written;
    private final Counter failed;

    AccessLog(QueryConnections connections, MeterRegistry registry) {
        this.jdbc = connections.jdbc();
        this.writes = new AccessLogWrites(connections.template(), connections.transactions(), WAIT_FOR_COMMIT_MILLIS);
        this.written = writes(registry, "written");
        this.failed = writes(registry, "failed");
    }

    /** Entries written, and those that could not be (the read was then refused), for the metrics scrape. */
    private static Counter writes(MeterRegistry registry, String outcome) {
        return Counter.builder("ledger.access.log.writes").description("Entries written to the access log, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /**
     * Entries restored from a logical dump into another PostgreSQL cluster keep the transaction ids of the one they
     * were written in, which this cluster may not reach for a long time, and would stay hidden until it does. One
     * written by a transaction this cluster has not begun yet tells they are there: then every entry is made as
     * written before all that come (0), in id order. Runs at start; finds nothing on a database that was not moved.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void adoptRestoredEntries() {
        int adopted = jdbc.sql("""
                        UPDATE ledger_private.access_log SET written_by = '0'
                        WHERE written_by <> '0' AND EXISTS (SELECT 1 FROM ledger_private.access_log
                            WHERE written_by >= pg_snapshot_xmax(pg_current_snapshot()))""")
                .update();
        if (adopted > 0) {
            log.warn("the access log holds entries written in another database cluster: {} now come first, in id order",
                    adopted);
        }
    }

    public record Entry(long id, Instant accessedAt, String actorId, String actorRoles, String debtorId, String debtId,
                        String resource, String channel, String reason, String correlationId) {
    }

    /** One debtor's data read: the debtor, and the debt when one debt was read. */
    public record Read(String debtorId, String debtId) {
    }

    /** Records that the current caller read {@code debtorId}'s data (and {@code debtId}'s, when one debt). */
    public void record(HttpServletRequest request, Purpose purpose, String debtorId, String debtId) {
        record(request, purpose, List.of(new Read(debtorId, debtId)));
    }

    /** Records each of {@code reads} one answer gave the current caller, waiting once for all their commits. */
    public void record(HttpServletRequest request, Purpose purpose, List<Read> reads) {
        if (reads.isEmpty()) {
            return;
        }
        Caller caller = Caller.current();
        String roles = caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        String resource = request.getMethod() + " " + request.getRequestURI();
        String channel = purpose.channel() == null ? null : purpose.channel().name();
        try {
            writes.write(reads.stream().map(read -> new Object[]{caller.id(), roles, read.debtorId(), read.debtId(),
                    resource, channel, purpose.reason(), purpose.correlationId()}).toList());
        } catch (RuntimeException e) {
            failed.increment(reads.size());
            throw e;
        }
        written.increment(reads.size());
    }

    @Override
    public void destroy() {
        writes.close();
    }

    /**
     * Entries in the order they were written, after the entry with id {@code afterId} (0: from the first),
     * filtered by debtor, actor and time (from inclusive, to exclusive). An entry shows only once every
     * transaction older than its own has ended (see the V7 migration), so one committed late is never passed by.
     */
    public List<Entry> entries(String debtorId, String actorId, Instant from, Instant to, long afterId, int limit) {
        String afterWrittenBy = afterId == 0 ? "0" : jdbc.sql(
                        "SELECT written_by::text FROM ledger_private.access_log WHERE id = :after")
                .param("after", afterId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("after must be 0 or the id of an access-log entry"));
        return jdbc.sql("SELECT id, accessed_at, actor_id, actor_roles, debtor_id, debt_id, resource, channel, reason,"
                        + " correlation_id FROM ledger_private.access_log"
                        + " WHERE (written_by, id) > (CAST(:afterWrittenBy AS XID8), :after)"
                        + " AND written_by < pg_snapshot_xmin(pg_current_snapshot())"
                        + " AND (CAST(:debtor AS TEXT) IS NULL OR debtor_id = :debtor)"
                        + " AND (CAST(:actor AS TEXT) IS NULL OR actor_id = :actor)"
                        + " AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR accessed_at >= :from)"
                        + " AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR accessed_at < :to)"
                        + " ORDER BY written_by, id LIMIT :limit")
                .param("afterWrittenBy", afterWrittenBy)
                .param("after", afterId)
                .param("debtor", debtorId)
                .param("actor", actorId)
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .param("limit", limit)
                .query((row, n) -> new Entry(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                        row.getString(9), row.getString(10)))
                .list();
    }
}
