package org.debtledger.command.closing;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.debtledger.audit.AuditMetadata;
import org.debtledger.audit.Channel;
import org.debtledger.command.api.Failures;
import org.debtledger.command.calendar.BusinessDates;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.runs.NewRun;
import org.debtledger.command.runs.OperationRuns;
import org.debtledger.command.runs.Run;
import org.debtledger.command.runs.RunCounts;
import org.debtledger.command.runs.RunProgress;
import org.debtledger.command.runs.RunStopped;
import org.debtledger.command.store.EventTableQueries;
import org.debtledger.command.store.EventTableQueries.Registered;
import org.debtledger.debt.CloseBusinessDay;
import org.debtledger.debt.DebtId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * Close of business for one business date: every open debt does its time-driven work (ended pauses, missed
 * instalments, broken plans, month-end interest). Each debt's step is idempotent for the date, and the run keeps
 * a cursor, so running a date again changes nothing twice and a run that died carries on where it stopped.
 * One run at a time, across every process on the database; each is recorded as an operation run.
 */
@Service
public class CloseOfBusiness {

    /** Who starts the scheduled run: close of business itself. */
    public static final MetaData SCHEDULED = MetaData.from(Map.of(AuditMetadata.ACTOR_ID, "close-of-business",
            AuditMetadata.ACTOR_ROLE, "SYSTEM", AuditMetadata.CHANNEL, Channel.SYSTEM.name()));

    private static final Logger log = LoggerFactory.getLogger(CloseOfBusiness.class);
    private static final int BATCH = 200;
    private static final String LOCK = "SELECT pg_try_advisory_lock(hashtext('debt-ledger.close-of-business'))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext('debt-ledger.close-of-business'))";

    private final CommandGateway commandGateway;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final EventTableQueries events;
    private final BusinessDates businessDates;
    private final OperationRuns runs;

    /** {@code commandGateway}: one whose commands wait for their lanes, as a batch is sent at once to fill groups. */
    CloseOfBusiness(@Qualifier("queuedCommandGateway") CommandGateway commandGateway, JdbcClient jdbc,
                    DataSource dataSource, EventTableQueries events, BusinessDates businessDates, OperationRuns runs) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.events = events;
        this.businessDates = businessDates;
        this.runs = runs;
    }

    /**
     * Runs close of business for the date, on this thread, as a recorded run whose id {@code begun} is told before
     * the work starts. Every event it appends carries {@code startedBy}: who started the run (an operator, or
     * {@link #SCHEDULED}), with the run's reason and correlation id unless the caller gave its own. A date beyond
     * tomorrow, or another run going on, is refused before anything is recorded.
     */
    public RunReport run(LocalDate businessDate, MetaData startedBy, LongConsumer begun) {
        try (Lock lock = lock(businessDate)) {
            long runId = runs.begin(NewRun.closeOfBusiness(businessDate, actor(startedBy)));
            begun.accept(runId);
            return runs.carryOut(runId, progress -> runLocked(businessDate, startedBy, progress));
        }
    }

    /** The same, carried out in the background: answers the run as begun, and holds the lock until it ends. */
    public Run start(LocalDate businessDate, MetaData startedBy) {
        Lock lock = lock(businessDate);
        try {
            return runs.inBackground(NewRun.closeOfBusiness(businessDate, actor(startedBy)), progress -> {
                try (lock) {
                    return runLocked(businessDate, startedBy, progress);
                }
            });
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static String actor(MetaData startedBy) {
        return String.valueOf(startedBy.get(AuditMetadata.ACTOR_ID));
    }

    private Lock lock(LocalDate businessDate) {
        businessDates.checkCloseOfBusiness(businessDate);
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!query(connection, LOCK)) {
                connection.close();
                throw new AlreadyRunning();
            }
            return new Lock(connection);
        } catch (SQLException e) {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException ignored) {
                // the lock's own failure is the one to report
            }
            throw new IllegalStateException("close of business could not take its lock", e);
        }
    }

    /** The lock on close of business, held on a connection of its own for as long as a run goes on. */
    private static final class Lock implements AutoCloseable {

        private final Connection connection;
        private boolean released;

        Lock(Connection connection) {
            this.connection = connection;
        }

        @Override
        public synchronized void close() {
            if (released) {
                return;
            }
            released = true;
            try (connection) {
                query(connection, UNLOCK);
            } catch (SQLException e) {
                throw new IllegalStateException("close of business could not release its lock", e);
            }
        }
    }

    private RunReport runLocked(LocalDate businessDate, MetaData startedBy, RunProgress progress) {
        long cursor = start(businessDate);
        Tally tally = tallySoFar(businessDate, cursor);
        progress.reached(tally.counts());
        log.info("close of business {} starts after position {}, started by {}", businessDate, cursor,
                startedBy.get(AuditMetadata.ACTOR_ID));
        MetaData audit = MetaData.from(Map.of(
                AuditMetadata.REASON, "close of business " + businessDate,
                AuditMetadata.CORRELATION_ID, "close-of-business-" + businessDate)).mergedWith(startedBy);
        List<Registered> debts;
        while (!(debts = events.registeredAfter(cursor, BATCH)).isEmpty()) {
            int processed = 0;
            int failed = 0;
            // the batch's debts at once, so that they share commits; their outcomes in the batch's order
            List<CompletableFuture<Object>> closing = new ArrayList<>();
            for (Registered debt : debts) {
                closing.add(commandGateway.send(GenericCommandMessage.asCommandMessage(
                        new CloseBusinessDay(new DebtId(debt.debtId()), businessDate)).withMetaData(audit)));
            }
            for (int i = 0; i < debts.size(); i++) {
                Registered debt = debts.get(i);
                try {
                    outcome(closing.get(i));
                    processed++;
                    tally.done(null);
                } catch (RuleViolation violation) {
                    failed++;
                    tally.done(violation.rule().name());
                    log.error("close of business {} refused for debt {}: {} {}", businessDate, debt.debtId(),
                            violation.rule(), violation.getMessage());
                    recordFailure(businessDate, debt.debtId(), violation.rule().name(), violation.getMessage());
                } catch (RuntimeException unexpected) {
                    // one debt that cannot be loaded or handled must not stop the day for every other debt
                    failed++;
                    tally.done("UNEXPECTED_FAILURE");
                    String failure = Failures.describe(unexpected);
                    log.error("close of business {} failed for debt {}: {}", businessDate, debt.debtId(), failure);
                    recordFailure(businessDate, debt.debtId(), "UNEXPECTED_FAILURE",
                            failure.lines().findFirst().orElse(""));
                }
                cursor = debt.position();
                progress.reached(tally.counts());
            }
            jdbc.sql("""
                            UPDATE close_of_business_run
                            SET cursor_position = :cursor, debts_processed = debts_processed + :processed,
                                debts_failed = debts_failed + :failed
                            WHERE business_date = :date""")
                    .param("cursor", cursor).param("processed", processed).param("failed", failed)
                    .param("date", businessDate)
                    .update();
            if (Thread.currentThread().isInterrupted()) {
                throw new RunStopped("close of business " + businessDate);
            }
        }
        jdbc.sql("UPDATE close_of_business_run SET status = 'COMPLETED', finished_at = now() WHERE business_date = :date")
                .param("date", businessDate).update();
        RunReport report = report(businessDate);
        progress.reached(tally.finished(report));
        log.info("close of business {} completed: {} debts processed, {} refused", businessDate,
                report.debtsProcessed(), report.debtsFailed());
        return report;
    }

    /** Waits for a debt's step; a refusal or failure is thrown as the command threw it. */
    private static void outcome(CompletableFuture<Object> step) {
        try {
            step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Resumes a run that died for this date, or starts the date from the first debt. Returns the cursor. */
    private long start(LocalDate businessDate) {
        jdbc.sql("""
                        INSERT INTO close_of_business_run (business_date, status, started_at)
                        VALUES (:date, 'RUNNING', now())
                        ON CONFLICT (business_date) DO NOTHING""")
                .param("date", businessDate).update();
        String status = jdbc.sql("SELECT status FROM close_of_business_run WHERE business_date = :date")
                .param("date", businessDate).query(String.class).single();
        if ("COMPLETED".equals(status)) {
            jdbc.sql("DELETE FROM close_of_business_failure WHERE business_date = :date")
                    .param("date", businessDate).update();
            jdbc.sql("""
                            UPDATE close_of_business_run
                            SET status = 'RUNNING', cursor_position = 0, debts_processed = 0, debts_failed = 0,
                                started_at = now(), finished_at = NULL
                            WHERE business_date = :date""")
                    .param("date", businessDate).update();
        }
        return jdbc.sql("SELECT cursor_position FROM close_of_business_run WHERE business_date = :date")
                .param("date", businessDate).query(Long.class).single();
    }

    /** What a run that carries on after {@code cursor} has done already: nothing, unless an earlier run died. */
    private Tally tallySoFar(LocalDate businessDate, long cursor) {
        Tally tally = new Tally();
        jdbc.sql("SELECT rule, count(*) FROM close_of_business_failure WHERE business_date = :date GROUP BY rule")
                .param("date", businessDate)
                .query(row -> {
                    tally.failuresByRule.put(row.getString(1), row.getInt(2));
                });
        jdbc.sql("SELECT debts_processed, debts_failed FROM close_of_business_run WHERE business_date = :date")
                .param("date", businessDate)
                .query(row -> {
                    tally.failed = row.getInt(2);
                    tally.done = row.getInt(1) + tally.failed;
                });
        tally.total = tally.done + events.registeredCountAfter(cursor);
        return tally;
    }

    /** Debts done and failed so far, for the run's progress. */
    private static final class Tally {

        private int total;
        private int done;
        private int failed;
        private final Map<String, Integer> failuresByRule = new TreeMap<>();

        void done(String failedRule) {
            done++;
            if (failedRule != null) {
                failed++;
                failuresByRule.merge(failedRule, 1, Integer::sum);
            }
        }

        RunCounts counts() {
            return RunCounts.ofDebts(Math.max(total, done), done, failed, failuresByRule);
        }

        /** The counts as the report has them: debts registered while the run went on are in it too. */
        RunCounts finished(RunReport report) {
            Map<String, Integer> byRule = new TreeMap<>();
            report.failures().forEach(failure -> byRule.merge(failure.rule(), 1, Integer::sum));
            int all = report.debtsProcessed() + report.debtsFailed();
            return RunCounts.ofDebts(all, all, report.debtsFailed(), byRule);
        }
    }

    private void recordFailure(LocalDate businessDate, String debtId, String rule, String detail) {
        jdbc.sql("""
                        INSERT INTO close_of_business_failure (business_date, debt_id, rule, detail)
                        VALUES (:date, :debt, :rule, :detail)
                        ON CONFLICT (business_date, debt_id) DO UPDATE SET rule = :rule, detail = :detail""")
                .param("date", businessDate).param("debt", debtId).param("rule", rule)
                .param("detail", detail)
                .update();
    }

    public RunReport report(LocalDate businessDate) {
        List<RunReport.Failure> failures = jdbc.sql("""
                        SELECT debt_id, rule, detail FROM close_of_business_failure
                        WHERE business_date = :date ORDER BY debt_id""")
                .param("date", businessDate)
                .query((row, n) -> new RunReport.Failure(row.getString(1), row.getString(2), row.getString(3)))
                .list();
        return jdbc.sql("""
                        SELECT status, debts_processed, debts_failed FROM close_of_business_run
                        WHERE business_date = :date""")
                .param("date", businessDate)
                .query((row, n) -> new RunReport(businessDate, row.getString(1), row.getInt(2), row.getInt(3),
                        failures))
                .single();
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    /** Another close of business is running, in this process or another. */
    public static class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("close of business is already running; try again when it has finished");
        }
    }
}
