package org.debtledger.command.closing;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.debtledger.audit.AuditMetadata;
import org.debtledger.audit.Channel;
import org.debtledger.command.api.Failures;
import org.debtledger.command.calendar.BusinessDates;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.store.EventTableQueries;
import org.debtledger.command.store.EventTableQueries.Registered;
import org.debtledger.debt.CloseBusinessDay;
import org.debtledger.debt.DebtId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Close of business for one business date: every open debt does its time-driven work (ended pauses, missed
 * instalments, broken plans, month-end interest). Each debt's step is idempotent for the date, and the run keeps
 * a cursor, so running a date again changes nothing twice and a run that died carries on where it stopped.
 * One run at a time, across every process on the database.
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

    CloseOfBusiness(CommandGateway commandGateway, JdbcClient jdbc, DataSource dataSource, EventTableQueries events,
                    BusinessDates businessDates) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.events = events;
        this.businessDates = businessDates;
    }

    /**
     * Runs close of business for the date. Every event it appends carries {@code startedBy}: who started the run
     * (an operator, or {@link #SCHEDULED}), with the run's reason and correlation id unless the caller gave its own.
     * A date beyond tomorrow is refused before anything is recorded.
     */
    public RunReport run(LocalDate businessDate, MetaData startedBy) {
        businessDates.checkCloseOfBusiness(businessDate);
        try (Connection lock = dataSource.getConnection()) {
            if (!query(lock, LOCK)) {
                throw new AlreadyRunning();
            }
            try {
                return runLocked(businessDate, startedBy);
            } finally {
                query(lock, UNLOCK);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("close of business could not take its lock", e);
        }
    }

    private RunReport runLocked(LocalDate businessDate, MetaData startedBy) {
        long cursor = start(businessDate);
        log.info("close of business {} starts after position {}, started by {}", businessDate, cursor,
                startedBy.get(AuditMetadata.ACTOR_ID));
        MetaData audit = MetaData.from(Map.of(
                AuditMetadata.REASON, "close of business " + businessDate,
                AuditMetadata.CORRELATION_ID, "close-of-business-" + businessDate)).mergedWith(startedBy);
        List<Registered> debts;
        while (!(debts = events.registeredAfter(cursor, BATCH)).isEmpty()) {
            int processed = 0;
            int failed = 0;
            for (Registered debt : debts) {
                try {
                    commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new CloseBusinessDay(new DebtId(debt.debtId()), businessDate)).withMetaData(audit));
                    processed++;
                } catch (RuleViolation violation) {
                    failed++;
                    log.error("close of business {} refused for debt {}: {} {}", businessDate, debt.debtId(),
                            violation.rule(), violation.getMessage());
                    recordFailure(businessDate, debt.debtId(), violation.rule().name(), violation.getMessage());
                } catch (RuntimeException unexpected) {
                    // one debt that cannot be loaded or handled must not stop the day for every other debt
                    failed++;
                    String failure = Failures.describe(unexpected);
                    log.error("close of business {} failed for debt {}: {}", businessDate, debt.debtId(), failure);
                    recordFailure(businessDate, debt.debtId(), "UNEXPECTED_FAILURE",
                            failure.lines().findFirst().orElse(""));
                }
                cursor = debt.position();
            }
            jdbc.sql("""
                            UPDATE close_of_business_run
                            SET cursor_position = :cursor, debts_processed = debts_processed + :processed,
                                debts_failed = debts_failed + :failed
                            WHERE business_date = :date""")
                    .param("cursor", cursor).param("processed", processed).param("failed", failed)
                    .param("date", businessDate)
                    .update();
        }
        jdbc.sql("UPDATE close_of_business_run SET status = 'COMPLETED', finished_at = now() WHERE business_date = :date")
                .param("date", businessDate).update();
        RunReport report = report(businessDate);
        log.info("close of business {} completed: {} debts processed, {} refused", businessDate,
                report.debtsProcessed(), report.debtsFailed());
        return report;
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
