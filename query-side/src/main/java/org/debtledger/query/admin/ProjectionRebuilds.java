package org.debtledger.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.debtledger.query.ProcessingGroups;
import org.debtledger.query.ProjectionVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.debtledger.query.ProjectionVersions.table;

/**
 * Rebuilds a read model from the first event without downtime: a new version of its tables is filled by
 * replaying the event store while queries keep reading the active version (which keeps receiving live events);
 * when the replay has caught up, one transaction makes the new version the active one. Runs within one query
 * process: the processor's segments must all be claimed here.
 */
@Service
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final Map<String, List<String>> TABLES = Map.of(
            ProcessingGroups.DEBTS, List.of("debt_view", "audit_entry"),
            ProcessingGroups.ADVISOR_QUEUE, List.of("work_item", "work_debt"));

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final ProjectionVersions versions;
    private final TransactionTemplate transaction;

    ProjectionRebuilds(EventProcessingConfiguration processing, JdbcClient jdbc, ProjectionVersions versions,
                       TransactionTemplate transaction) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.versions = versions;
        this.transaction = transaction;
    }

    /** How a rebuild is going. Positions stand for events: the store's global index has no gaps to speak of. */
    public record Status(String projection, String status, int activeVersion, Integer buildingVersion,
                         Instant startedAt, Instant finishedAt, long eventsDone, long eventsLeft,
                         long eventsPerSecond, Long secondsToGo) {
    }

    /**
     * Stops the model's processor, prepares the new version's tables, and replays from the first event into them.
     * The processor is stopped first so that no event is applied between the new version appearing and the
     * replay starting; if the tokens cannot be reset (another process holds a segment), nothing changes.
     */
    public synchronized Status start(String projection) {
        requireKnown(projection);
        ProjectionVersions.Versions current = versions.of(projection);
        if (current.building() != null) {
            throw new AlreadyRebuilding(projection);
        }
        StreamingEventProcessor processor = processor(projection);
        processor.shutDown();
        try {
            int version = prepare(projection, current);
            try {
                processor.resetTokens();
            } catch (RuntimeException e) {
                abandon(projection, version);
                throw new CannotRebuild(projection, e);
            }
            log.info("rebuilding {} into version {} from the first event", projection, version);
        } finally {
            processor.start();
        }
        return status(projection);
    }

    private int prepare(String projection, ProjectionVersions.Versions current) {
        int next = jdbc.sql("SELECT coalesce(max(version), 0) FROM ledger_read.projection_rebuild"
                        + " WHERE projection = :projection")
                .param("projection", projection).query(Integer.class).single();
        int version = Math.max(next, current.active()) + 1;
        long head = jdbc.sql("SELECT coalesce(max(globalindex), 0) FROM domainevententry").query(Long.class).single();
        transaction.executeWithoutResult(tx -> {
            for (String base : TABLES.get(projection)) {
                for (int old = 1; old < current.active(); old++) {
                    jdbc.sql("DROP TABLE IF EXISTS " + table(base, old)).update();
                }
                jdbc.sql("DROP TABLE IF EXISTS " + table(base, version)).update();
                jdbc.sql("CREATE TABLE " + table(base, version) + " (LIKE " + table(base, current.active())
                        + " INCLUDING ALL)").update();
            }
            jdbc.sql("UPDATE ledger_read.projection_version SET building = :version WHERE projection = :projection")
                    .param("version", version).param("projection", projection).update();
            jdbc.sql("""
                            INSERT INTO ledger_read.projection_rebuild (projection, version, status, started_at, head)
                            VALUES (:projection, :version, 'RUNNING', now(), :head)""")
                    .param("projection", projection).param("version", version).param("head", head).update();
        });
        return version;
    }

    private void abandon(String projection, int version) {
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE ledger_read.projection_version SET building = NULL WHERE projection = :projection")
                    .param("projection", projection).update();
            jdbc.sql("DELETE FROM ledger_read.projection_rebuild WHERE projection = :projection AND version = :version")
                    .param("projection", projection).param("version", version).update();
            for (String base : TABLES.get(projection)) {
                jdbc.sql("DROP TABLE IF EXISTS " + table(base, version)).update();
            }
        });
    }

    /** Switches a finished rebuild in; logs progress of one still running. */
    @Scheduled(fixedDelay = 500)
    void watch() {
        for (String projection : ProcessingGroups.ALL) {
            if (versions.of(projection).building() == null) {
                continue;
            }
            Status status = status(projection);
            if (caughtUp(projection, status)) {
                transaction.executeWithoutResult(tx -> {
                    jdbc.sql("UPDATE ledger_read.projection_version SET active = building, building = NULL"
                                    + " WHERE projection = :projection")
                            .param("projection", projection).update();
                    jdbc.sql("UPDATE ledger_read.projection_rebuild SET status = 'COMPLETED', finished_at = now()"
                                    + " WHERE projection = :projection AND version = :version")
                            .param("projection", projection).param("version", status.buildingVersion()).update();
                });
                log.info("rebuilt {}: version {} is active", projection, status.buildingVersion());
            } else {
                log.info("rebuilding {}: {} events done, {} left, {} a second", projection, status.eventsDone(),
                        status.eventsLeft(), status.eventsPerSecond());
            }
        }
    }

    /**
     * Every segment, all claimed here, has replayed up to the store's head at the start. (Axon calls a segment
     * replaying until an event beyond its reset point arrives, which on a quiet ledger may be never.)
     */
    private boolean caughtUp(String projection, Status status) {
        Map<Integer, EventTrackerStatus> segments = processor(projection).processingStatus();
        long claimable = jdbc.sql("SELECT count(*) FROM tokenentry WHERE processorname = :name")
                .param("name", projection).query(Long.class).single();
        return !segments.isEmpty() && segments.size() == claimable && status.eventsLeft() == 0;
    }

    public Status status(String projection) {
        requireKnown(projection);
        var last = jdbc.sql("""
                        SELECT version, status, started_at, finished_at, head FROM ledger_read.projection_rebuild
                        WHERE projection = :projection ORDER BY version DESC LIMIT 1""")
                .param("projection", projection)
                .query((row, n) -> new Object[]{row.getString(2), row.getTimestamp(3).toInstant(),
                        row.getTimestamp(4) == null ? null : row.getTimestamp(4).toInstant(), row.getLong(5)})
                .optional();
        // read after the rebuild's status: a rebuild seen completed has switched its version in (one transaction)
        ProjectionVersions.Versions current = versions.of(projection);
        if (last.isEmpty()) {
            return new Status(projection, "IDLE", current.active(), null, null, null, 0, 0, 0, null);
        }
        Object[] rebuild = last.get();
        Instant started = (Instant) rebuild[1];
        Instant finished = (Instant) rebuild[2];
        long head = (Long) rebuild[3];
        long done = finished != null ? head : Math.min(head, slowestSegment(projection));
        long left = head - done;
        Instant end = finished != null ? finished : Instant.now();
        long seconds = Math.max(1, Duration.between(started, end).toSeconds());
        long rate = done / seconds;
        Long toGo = left == 0 ? Long.valueOf(0) : rate == 0 ? null : left / rate;
        return new Status(projection, (String) rebuild[0], current.active(), current.building(), started, finished,
                done, left, rate, toGo);
    }

    private long slowestSegment(String projection) {
        return processor(projection).processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(0))
                .min().orElse(0);
    }

    private StreamingEventProcessor processor(String projection) {
        return processing.eventProcessor(projection, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + projection));
    }

    private static void requireKnown(String projection) {
        if (!TABLES.containsKey(projection)) {
            throw new IllegalArgumentException("no read model " + projection + "; known: " + ProcessingGroups.ALL);
        }
    }

    /** The processor's tokens could not be reset, typically because another query process holds a segment. */
    public static class CannotRebuild extends RuntimeException {
        CannotRebuild(String projection, RuntimeException cause) {
            super(projection + " cannot be rebuilt now: its processor's segments must all be free to reset"
                    + " (stop other query processes first)", cause);
        }
    }

    /** The read model is already being rebuilt. */
    public static class AlreadyRebuilding extends RuntimeException {
        AlreadyRebuilding(String projection) {
            super(projection + " is already being rebuilt");
        }
    }
}
