package org.debtledger.query.projection;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.debtledger.query.projection.ProjectionVersions.TABLES;
import static org.debtledger.query.projection.ProjectionVersions.table;

/**
 * Rebuilds read models from the first event without downtime: the models' processors stop, a new version of their
 * tables is filled from the event store read once ({@link NewVersionFiller}), one transaction makes it the active
 * version, and the processors go on from where they stopped. Queries read the active version throughout; it receives no
 * events while the new one is filled. One query process rebuilds a model, holding its processor's segments for the
 * whole fill so that no process applies an event the fill might not have read; the others, seeing the rebuild
 * recorded, let their segments go and claim none until it is over ({@link SegmentSharing}), and go on answering
 * queries from the active version.
 *
 * <p>Why the processors may go on from where they stopped: every event they had applied was committed before they
 * stopped, so the fill, reading afterwards, has it; the events between their tokens and what the fill read come
 * to them again, and both models skip an event of a debt whose later one they have (sequence numbers).
 */
@Service
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final ProjectionVersions versions;
    private final TransactionTemplate transaction;
    private final RebuildClaims claims;
    private final NewVersionFiller filler;
    private final StoredEvents stored;
    private final Map<String, ReadModel<?>> models;
    /** The models this process is rebuilding, from when it records the rebuild until it is over. */
    private final Set<String> filling = new HashSet<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "rebuild-fill");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionRebuilds(EventProcessingConfiguration processing, JdbcClient jdbc, ProjectionVersions versions,
                       TransactionTemplate transaction, RebuildClaims claims, NewVersionFiller filler,
                       StoredEvents stored, List<ReadModel<?>> models) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.versions = versions;
        this.transaction = transaction;
        this.claims = claims;
        this.filler = filler;
        this.stored = stored;
        this.models = models.stream().collect(Collectors.toMap(ReadModel::processingGroup, Function.identity()));
    }

    /** How a rebuild is going. Positions stand for events: the store's global index has no gaps to speak of. */
    public record Status(String projection, String status, int activeVersion, Integer buildingVersion,
                         Instant startedAt, Instant finishedAt, long eventsDone, long eventsLeft,
                         long eventsPerSecond, Long secondsToGo, String failure) {
    }

    /**
     * Stops the models' processors here, records the rebuild (which the other query processes see and give way to),
     * claims all the processors' segments for this process once the others have let theirs go, and starts filling
     * the new versions in the background. If the segments cannot all be claimed within a bound, the rebuild
     * is given up and the active versions stay ({@link RebuildClaims}).
     */
    public List<Status> start(List<String> projections) {
        projections.forEach(ProjectionRebuilds::requireKnown);
        List<StreamingEventProcessor> processors = projections.stream().map(this::processor).toList();
        List<NewVersionFiller.Target> targets = record(projections, processors);
        try {
            claims.claimAll(projections);
        } catch (RuntimeException e) {
            log.warn("giving up the rebuild of {}: {}", projections, e.getMessage());
            targets.forEach(target -> dropBuildingVersion(target.model().processingGroup(), target.version(),
                    e.getMessage()));
            synchronized (this) {
                filling.removeAll(projections);
            }
            processors.forEach(StreamingEventProcessor::start);
            throw e;
        }
        background.execute(() -> fillThenActivate(targets, processors));
        log.info("rebuilding {} from the first event", projections);
        return projections.stream().map(this::status).toList();
    }

    /** Stops the processors here and creates the new versions' tables, recording them as building. */
    private synchronized List<NewVersionFiller.Target> record(List<String> projections,
                                                              List<StreamingEventProcessor> processors) {
        for (String projection : projections) {
            if (versions.of(projection).building() != null) {
                throw new AlreadyRebuilding(projection);
            }
        }
        processors.forEach(StreamingEventProcessor::shutDown);
        List<NewVersionFiller.Target> targets = new ArrayList<>();
        try {
            for (String projection : projections) {
                targets.add(new NewVersionFiller.Target(models.get(projection),
                        createVersionTables(projection, versions.of(projection))));
            }
        } catch (RuntimeException e) {
            targets.forEach(target -> dropBuildingVersion(target.model().processingGroup(), target.version(), e.toString()));
            processors.forEach(StreamingEventProcessor::start);
            throw e;
        }
        // from here the rebuild is this process's, though not filling yet: not one whose process has gone
        filling.addAll(projections);
        return targets;
    }

    /**
     * Creates the tables of a new version like the active one's. Versions are numbered on, never reused (a failed
     * rebuild's number is not, and the status reports them), so they are made here rather than as a fixed pair by a
     * migration.
     */
    private int createVersionTables(String projection, ProjectionVersions.Versions current) {
        int next = jdbc.sql("SELECT coalesce(max(version), 0) FROM ledger_read.projection_rebuild"
                        + " WHERE projection = :projection")
                .param("projection", projection).query(Integer.class).single();
        int version = Math.max(next, current.active()) + 1;
        long head = stored.head();
        transaction.executeWithoutResult(tx -> {
            // first, and only if none is building: a rebuild started by another process at the same time waits on
            // this row, then finds it building
            if (jdbc.sql("UPDATE ledger_read.projection_version SET building = :version"
                            + " WHERE projection = :projection AND building IS NULL")
                    .param("version", version).param("projection", projection).update() == 0) {
                throw new AlreadyRebuilding(projection);
            }
            for (String base : TABLES.get(projection)) {
                for (int old = 1; old < current.active(); old++) {
                    jdbc.sql("DROP TABLE IF EXISTS " + table(base, old)).update();
                }
                jdbc.sql("DROP TABLE IF EXISTS " + table(base, version)).update();
                jdbc.sql("CREATE TABLE " + table(base, version) + " (LIKE " + table(base, current.active())
                        + " INCLUDING ALL)").update();
            }
            jdbc.sql("""
                            INSERT INTO ledger_read.projection_rebuild (projection, version, status, started_at, head, node)
                            VALUES (:projection, :version, 'RUNNING', now(), :head, :node)""")
                    .param("projection", projection).param("version", version).param("head", head)
                    .param("node", SegmentSharing.NODE).update();
        });
        return version;
    }

    /** Fills the new versions, switches them in (or gives them up), and lets the processors go on. */
    private void fillThenActivate(List<NewVersionFiller.Target> targets, List<StreamingEventProcessor> processors) {
        List<String> projections = targets.stream().map(target -> target.model().processingGroup()).toList();
        try {
            filler.run(targets, eventsRead -> {
                claims.extend(projections);
                targets.forEach(target -> jdbc.sql("UPDATE ledger_read.projection_rebuild SET events_done = :done"
                                + " WHERE projection = :projection AND version = :version")
                        .param("done", eventsRead).param("projection", target.model().processingGroup())
                        .param("version", target.version()).update());
            });
            transaction.executeWithoutResult(tx -> targets.forEach(target -> {
                String projection = target.model().processingGroup();
                versions.activate(projection, target.version());
                jdbc.sql("UPDATE ledger_read.projection_rebuild SET status = 'COMPLETED', finished_at = now()"
                                + " WHERE projection = :projection AND version = :version")
                        .param("projection", projection).param("version", target.version()).update();
            }));
            log.info("rebuilt {}: the new versions are active", projections);
        } catch (RuntimeException e) {
            log.error("rebuilding {} failed; the versions before stay active", projections, e);
            targets.forEach(target -> dropBuildingVersion(target.model().processingGroup(), target.version(), e.toString()));
        } finally {
            synchronized (this) {
                filling.removeAll(projections);
            }
            releaseSegmentsAndRestart(projections, processors);
        }
    }

    /** Lets the segments go and the processors go on from their tokens. */
    private void releaseSegmentsAndRestart(List<String> projections, List<StreamingEventProcessor> processors) {
        claims.release(projections);
        processors.forEach(StreamingEventProcessor::start);
    }

    private void dropBuildingVersion(String projection, int version, String failure) {
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE ledger_read.projection_version SET building = NULL WHERE projection = :projection")
                    .param("projection", projection).update();
            jdbc.sql("UPDATE ledger_read.projection_rebuild SET status = 'FAILED', finished_at = now(),"
                            + " failure = :failure WHERE projection = :projection AND version = :version")
                    .param("failure", failure).param("projection", projection).param("version", version).update();
            for (String base : TABLES.get(projection)) {
                jdbc.sql("DROP TABLE IF EXISTS " + table(base, version)).update();
            }
        });
    }

    /**
     * Gives up a rebuild whose process is gone: one started more than ten seconds ago, by a process not seen alive
     * for ten seconds (or by this one, not filling it). Its processor's segments are free again once the claims
     * of the gone process time out.
     */
    @Scheduled(fixedDelay = 2000, initialDelay = 2000)
    synchronized void dropRebuildsOfGoneProcesses() {
        jdbc.sql("""
                        SELECT r.projection, r.version, r.node FROM ledger_read.projection_rebuild r
                        WHERE r.status = 'RUNNING' AND r.started_at < now() - interval '10 seconds'
                          AND (r.node = :node OR NOT EXISTS (SELECT 1 FROM ledger_read.query_node n
                               WHERE n.node = r.node AND n.seen_at > clock_timestamp() - interval '10 seconds'))""")
                .param("node", SegmentSharing.NODE)
                .query((row, n) -> new Object[]{row.getString(1), row.getInt(2), row.getString(3)})
                .list().stream()
                .filter(rebuild -> !filling.contains((String) rebuild[0]))
                .forEach(rebuild -> {
                    log.warn("giving up the rebuild of {} into version {}: {} filling it stopped", rebuild[0],
                            rebuild[1], rebuild[2]);
                    dropBuildingVersion((String) rebuild[0], (Integer) rebuild[1], "the query process filling it (" + rebuild[2]
                            + ") stopped");
                });
    }

    public Status status(String projection) {
        requireKnown(projection);
        var last = jdbc.sql("""
                        SELECT status, started_at, finished_at, head, events_done, failure
                        FROM ledger_read.projection_rebuild
                        WHERE projection = :projection ORDER BY version DESC LIMIT 1""")
                .param("projection", projection)
                .query((row, n) -> new Object[]{row.getString(1), row.getTimestamp(2).toInstant(),
                        row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant(), row.getLong(4),
                        row.getLong(5), row.getString(6)})
                .optional();
        // read after the rebuild's status: a rebuild seen completed has switched its version in (one transaction)
        ProjectionVersions.Versions current = versions.of(projection);
        if (last.isEmpty()) {
            return new Status(projection, "IDLE", current.active(), null, null, null, 0, 0, 0, null, null);
        }
        Object[] rebuild = last.get();
        String state = (String) rebuild[0];
        Instant started = (Instant) rebuild[1];
        Instant finished = (Instant) rebuild[2];
        long head = (Long) rebuild[3];
        long done = state.equals("COMPLETED") ? head : Math.min(head, (Long) rebuild[4]);
        long left = head - done;
        Instant end = finished != null ? finished : Instant.now();
        long seconds = Math.max(1, Duration.between(started, end).toSeconds());
        long rate = done / seconds;
        Long toGo = left == 0 ? Long.valueOf(0) : rate == 0 || finished != null ? null : left / rate;
        return new Status(projection, state, current.active(), current.building(), started, finished, done, left,
                rate, toGo, (String) rebuild[5]);
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
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

    /** The processors' segments could not all be claimed in time: another query process did not let one go. */
    public static class CannotRebuild extends RuntimeException {
        CannotRebuild(List<String> projections, String why) {
            super(String.join(" and ", projections) + " cannot be rebuilt now: a rebuild needs every segment of the"
                    + " model's processor, and " + why + "; the rebuild was given up and the active version stays");
        }
    }

    /** The read model is already being rebuilt. */
    public static class AlreadyRebuilding extends RuntimeException {
        AlreadyRebuilding(String projection) {
            super(projection + " is already being rebuilt");
        }
    }
}
