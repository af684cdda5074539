package org.debtledger.command.runs;

import org.debtledger.command.api.Failures;
import org.debtledger.edge.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every run of close of business and of a bank file, recorded in {@code operation_run} as it goes: carried out on
 * the caller's thread, or in the background, two at most at once. A background run still going when the ledger stops
 * is interrupted and recorded as FAILED; a run whose process died is given up once it has been silent for two minutes.
 */
@Service
public class OperationRuns implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OperationRuns.class);
    private static final int AT_ONCE_IN_BACKGROUND = 2;
    private static final long RECORD_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final String STOPPING = "the ledger is stopping; try again once it has started";
    private static final String AGAIN = "; what was done stays done, and running it again carries on";
    private static final String COLUMNS = """
            run_id, kind, status, business_date, file_name, file_bytes, started_by, started_at, progress_at,
            finished_at, total, done, failed, applied, already_applied, failures_by_rule::text AS failures_by_rule,
            failure""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RunMetrics metrics;
    private final Semaphore backgroundSlots = new Semaphore(AT_ONCE_IN_BACKGROUND);
    private final ExecutorService background;
    private final Set<Long> inBackground = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    OperationRuns(JdbcClient jdbc, JsonMapper json, RunMetrics metrics) {
        this.jdbc = jdbc;
        this.json = json;
        this.metrics = metrics;
        AtomicInteger threads = new AtomicInteger();
        this.background = Executors.newFixedThreadPool(AT_ONCE_IN_BACKGROUND,
                task -> new Thread(task, "operation-run-" + threads.incrementAndGet()));
    }

    /** What a run does, telling {@code progress} how far it has come; what it returns is its report. */
    @FunctionalInterface
    public interface Work<T> {
        T carryOut(RunProgress progress);
    }

    /** Two runs are already going on in the background, or the ledger is stopping. */
    public static class Busy extends RuntimeException {
        Busy(String detail) {
            super(detail);
        }
    }

    /** Records a run as RUNNING and answers its id. */
    public long begin(NewRun run) {
        return jdbc.sql("""
                        INSERT INTO operation_run (kind, business_date, file_name, file_bytes, started_by)
                        VALUES (:kind, :date, :fileName, :fileBytes, :startedBy)
                        RETURNING run_id""")
                .param("kind", run.kind().name()).param("date", run.businessDate())
                .param("fileName", run.fileName()).param("fileBytes", run.fileBytes())
                .param("startedBy", run.startedBy())
                .query(Long.class).single();
    }

    /** Carries out a begun run on this thread, recording its progress, then its report or why it failed. */
    public <T> T carryOut(long runId, Work<T> work) {
        Recorder progress = new Recorder(runId);
        T report;
        metrics.started();
        try {
            report = work.carryOut(progress);
        } catch (RuntimeException | Error failure) {
            // cleared, so that recording the failure is not cut off too
            boolean stopped = Thread.interrupted() || failure instanceof RunStopped;
            finish(runId, "FAILED", progress.last, null, whyFailed(failure, stopped));
            throw failure;
        } finally {
            metrics.stopped();
        }
        finish(runId, "COMPLETED", progress.last, report, null);
        return report;
    }

    /** Begins a run and carries it out in the background; answers the run as begun. */
    public Run inBackground(NewRun run, Work<?> work) {
        if (!running || !backgroundSlots.tryAcquire()) {
            throw new Busy(running ? AT_ONCE_IN_BACKGROUND + " runs are already going on in the background; try again"
                    + " when one has finished" : STOPPING);
        }
        long runId;
        Run begun;
        try {
            runId = begin(run);
            begun = find(runId).orElseThrow();
        } catch (RuntimeException e) {
            backgroundSlots.release();
            throw e;
        }
        inBackground.add(runId);
        try {
            background.execute(() -> carryOutInBackground(runId, work));
        } catch (RejectedExecutionException stopping) {
            inBackground.remove(runId);
            backgroundSlots.release();
            finish(runId, "FAILED", null, null, whyFailed(stopping, true));
            throw new Busy(STOPPING);
        }
        return begun;
    }

    private void carryOutInBackground(long runId, Work<?> work) {
        try {
            carryOut(runId, work);
        } catch (RunStopped stopped) {
            log.info("run {}: {}", runId, stopped.getMessage());
        } catch (RuntimeException | Error failure) {
            log.error("run {} failed: {}", runId, Failures.describe(failure));
        } finally {
            inBackground.remove(runId);
            backgroundSlots.release();
        }
    }

    public Optional<Run> find(long runId) {
        giveUpSilentRuns();
        return jdbc.sql("SELECT " + COLUMNS + ", report::text AS report FROM operation_run WHERE run_id = :id")
                .param("id", runId).query(this::run).optional();
    }

    /** The runs of a kind (of every kind when null), newest first, without their reports. */
    public List<Run> list(RunKind kind, int page, int size) {
        giveUpSilentRuns();
        return jdbc.sql("SELECT " + COLUMNS + ", NULL AS report FROM operation_run"
                        + " WHERE CAST(:kind AS VARCHAR) IS NULL OR kind = :kind"
                        + " ORDER BY run_id DESC LIMIT :size OFFSET :offset")
                .param("kind", kind == null ? null : kind.name()).param("size", size)
                .param("offset", (long) page * size)
                .query(this::run).list();
    }

    public long count(RunKind kind) {
        return jdbc.sql("SELECT count(*) FROM operation_run WHERE CAST(:kind AS VARCHAR) IS NULL OR kind = :kind")
                .param("kind", kind == null ? null : kind.name()).query(Long.class).single();
    }

    /**
     * A run records its progress about every second while its process lives; one silent for two minutes was cut off
     * with its process (a crash, or a shutdown that could not record it), so it is given up. Done at start and
     * before every read, so that no run shows RUNNING for ever.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void giveUpSilentRuns() {
        int givenUp = jdbc.sql("""
                        UPDATE operation_run SET status = 'FAILED', finished_at = progress_at, failure = :why
                        WHERE status = 'RUNNING' AND progress_at < now() - INTERVAL '2 minutes'""")
                .param("why", "the process carrying it out stopped before the run finished" + AGAIN)
                .update();
        if (givenUp > 0) {
            log.warn("{} runs left RUNNING by a process that stopped are recorded as FAILED", givenUp);
        }
    }

    private static String whyFailed(Throwable failure, boolean stopped) {
        if (stopped) {
            return "the ledger stopped while the run was going on" + AGAIN;
        }
        if (DatabaseOutage.causes(failure)) {
            return "the database was out of reach" + AGAIN;
        }
        return "the run failed unexpectedly (the ledger's log says why)" + AGAIN;
    }

    private void record(long runId, RunCounts counts) {
        jdbc.sql("""
                        UPDATE operation_run SET progress_at = now(), total = :total, done = :done, failed = :failed,
                            applied = :applied, already_applied = :alreadyApplied,
                            failures_by_rule = CAST(:byRule AS JSONB)
                        WHERE run_id = :id AND status = 'RUNNING'""")
                .param("id", runId).param("total", counts.total()).param("done", counts.done())
                .param("failed", counts.failed()).param("applied", counts.applied())
                .param("alreadyApplied", counts.alreadyApplied())
                .param("byRule", json.writeValueAsString(counts.failuresByRule()))
                .update();
    }

    /**
     * Records how a run ended, with its last counts unless null. A run ends once: one already given up (at a stop, or
     * as silent) keeps that ending, and is timed and counted once. Never throws: a run whose end cannot be recorded
     * (the database out of reach) is given up later.
     */
    private void finish(long runId, String status, RunCounts counts, Object report, String failure) {
        try {
            if (counts != null) {
                record(runId, counts);
            }
            jdbc.sql("""
                            UPDATE operation_run SET status = :status, finished_at = now(), failure = :failure,
                                report = CAST(:report AS JSONB)
                            WHERE run_id = :id AND status = 'RUNNING'
                            RETURNING kind, EXTRACT(EPOCH FROM finished_at - started_at)""")
                    .param("id", runId).param("status", status).param("failure", failure)
                    .param("report", report == null ? null : json.writeValueAsString(report))
                    .query((row, n) -> Map.entry(RunKind.valueOf(row.getString(1)), row.getDouble(2)))
                    .optional()
                    .ifPresent(ended -> metrics.finished(ended.getKey(), status, ended.getValue(), counts));
        } catch (RuntimeException e) {
            log.warn("run {} ended {} but that could not be recorded: {}", runId, status, Failures.describe(e));
        }
    }

    private Run run(ResultSet row, int rowNumber) throws SQLException {
        Integer total = row.getObject("total", Integer.class);
        int done = row.getInt("done");
        String report = row.getString("report");
        OffsetDateTime finishedAt = row.getObject("finished_at", OffsetDateTime.class);
        Instant startedAt = row.getObject("started_at", OffsetDateTime.class).toInstant();
        Instant countedAt = (finishedAt != null ? finishedAt : row.getObject("progress_at", OffsetDateTime.class))
                .toInstant();
        Integer left = total == null ? null : Math.max(0, total - done);
        long perSecond = Run.perSecond(done, startedAt, countedAt);
        return new Run(row.getLong("run_id"), RunKind.valueOf(row.getString("kind")), row.getString("status"),
                row.getObject("business_date", LocalDate.class), row.getString("file_name"),
                row.getObject("file_bytes", Long.class), row.getString("started_by"), startedAt,
                finishedAt == null ? null : finishedAt.toInstant(), total, done, left, row.getInt("failed"),
                row.getObject("applied", Integer.class), row.getObject("already_applied", Integer.class),
                new TreeMap<>(json.readValue(row.getString("failures_by_rule"),
                        new TypeReference<Map<String, Integer>>() { })),
                perSecond, Run.secondsToGo(left, perSecond, finishedAt != null),
                row.getString("failure"), report == null ? null : json.readTree(report));
    }

    /** Keeps the last counts told, and writes them when a second has passed since it last tried. */
    private final class Recorder implements RunProgress {

        private final long runId;
        private volatile RunCounts last = RunCounts.NONE;
        private long recordedAt = System.nanoTime() - RECORD_EVERY_NANOS;

        Recorder(long runId) {
            this.runId = runId;
        }

        @Override
        public synchronized void reached(RunCounts counts) {
            last = counts;
            if (System.nanoTime() - recordedAt >= RECORD_EVERY_NANOS) {
                recordedAt = System.nanoTime();
                try {
                    record(runId, counts);
                } catch (RuntimeException e) {
                    // the work itself meets the database out of reach, or carries on; its progress is told again
                    log.warn("run {}: progress not recorded: {}", runId,
                            Failures.describe(e).lines().findFirst().orElse(""));
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Stops before the web server drains its requests (the highest phase stops first): background runs are
     * interrupted, each stops after the debt or line it is doing and records itself FAILED.
     */
    @Override
    public void stop() {
        running = false;
        background.shutdownNow();
        try {
            if (!background.awaitTermination(15, TimeUnit.SECONDS)) {
                log.warn("runs {} did not stop within 15 s", inBackground);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (long runId : inBackground) {
            finish(runId, "FAILED", null, null, whyFailed(null, true));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
