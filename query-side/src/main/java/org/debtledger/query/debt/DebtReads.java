package org.debtledger.query.debt;

import org.debtledger.query.ProcessingGroups;
import org.debtledger.query.ProjectionVersions;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

import static org.debtledger.query.ProjectionVersions.table;

/**
 * Reads of the debt view and the audit timeline, from the active version of their tables. The active version is
 * remembered rather than read before every query: each read's statement also reads which version is active, in the
 * same snapshot, and a read that finds it changed (a rebuild switched, maybe in another query process) or its table
 * gone (dropped by a later rebuild) runs again on the active one.
 */
@Component
public class DebtReads {

    private static final String UNDEFINED_TABLE = "42P01";

    private final JdbcClient jdbc;
    private final ProjectionVersions versions;
    private volatile int active;

    DebtReads(JdbcClient jdbc, ProjectionVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    /** The debt's view, if any, and how many of its events wait in the debt view's dead-letter queue. */
    public record Read(Optional<DebtView> view, long deadLetters) {
    }

    public Read read(String debtId) {
        List<Object[]> rows = fromActive(version -> """
                        SELECT p.active, t.view, (SELECT count(*) FROM deadletterentry
                                                  WHERE processinggroup = p.projection AND sequenceidentifier = :id)
                        FROM ledger_read.projection_version p LEFT JOIN\s""" + table("debt_view", version)
                        + " t ON t.debt_id = :id WHERE p.projection = :group",
                Map.of("id", debtId), (row, n) -> new Object[]{row.getString(2), row.getLong(3)});
        Object[] row = rows.get(0);
        return new Read(Optional.ofNullable((String) row[0]).map(json -> DebtProjection.read(json, DebtView.class)),
                (Long) row[1]);
    }

    public Optional<DebtView> view(String debtId) {
        return read(debtId).view();
    }

    public List<DebtView> viewsOfDebtor(String debtorId) {
        return fromActive(version -> "SELECT p.active, t.view FROM ledger_read.projection_version p LEFT JOIN "
                        + table("debt_view", version) + " t ON t.debtor_id = :id WHERE p.projection = :group"
                        + " ORDER BY t.debt_id",
                Map.of("id", debtorId), (row, n) -> row.getString(2)).stream()
                .filter(Objects::nonNull).map(json -> DebtProjection.read(json, DebtView.class)).toList();
    }

    /** The event store's newest position. */
    public long storeHead() {
        return jdbc.sql("SELECT coalesce(max(globalindex), 0) FROM domainevententry").query(Long.class).single();
    }

    /** One line of a debt's audit timeline. */
    public record TimelineEntry(long sequenceNumber, long position, String type, LocalDate businessDate,
                                Instant recordedAt, String actorId, String actorRole, String channel, String reason,
                                String correlationId, Map<String, Object> details,
                                Map<String, Object> balanceAfter) {
    }

    public List<TimelineEntry> timeline(String debtId) {
        return fromActive(version -> """
                        SELECT p.active, t.sequence_number, t.position, t.event_type, t.business_date, t.recorded_at,
                               t.actor_id, t.actor_role, t.channel, t.reason, t.correlation_id, t.details,
                               t.balance_after
                        FROM ledger_read.projection_version p LEFT JOIN\s""" + table("audit_entry", version)
                        + " t ON t.debt_id = :id WHERE p.projection = :group ORDER BY t.sequence_number",
                Map.of("id", debtId), (row, n) -> row.getObject(2) == null ? null : new TimelineEntry(row.getLong(2),
                        row.getLong(3), row.getString(4), row.getObject(5, LocalDate.class),
                        row.getTimestamp(6).toInstant(), row.getString(7), row.getString(8), row.getString(9),
                        row.getString(10), row.getString(11), json(row.getString(12)), json(row.getString(13))))
                .stream().filter(Objects::nonNull).toList();
    }

    /**
     * The rows of {@code sql} for the version it is given: a statement that reads {@code projection_version}'s row
     * of {@code :group} first, joined to the version's table so that it always returns at least that row, whose
     * {@code active} says whether the version read was the active one. {@code row} maps each row's other columns.
     */
    private <T> List<T> fromActive(IntFunction<String> sql, Map<String, Object> parameters, RowMapper<T> row) {
        for (int attempt = 1; ; attempt++) {
            int version = active != 0 ? active : versions.of(ProcessingGroups.DEBTS).active();
            int[] activeSeen = new int[1];
            try {
                List<T> rows = jdbc.sql(sql.apply(version)).params(parameters).param("group", ProcessingGroups.DEBTS)
                        .query((result, n) -> {
                            activeSeen[0] = result.getInt(1);
                            return row.mapRow(result, n);
                        })
                        .list();
                active = activeSeen[0];
                if (activeSeen[0] == version) {
                    return rows;
                }
            } catch (BadSqlGrammarException e) {
                if (!UNDEFINED_TABLE.equals(e.getSQLException().getSQLState())) {
                    throw e;
                }
                active = 0;
            }
            if (attempt == 3) {
                throw new IllegalStateException("the debt view's active version kept changing while it was read");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String json) {
        return DebtProjection.read(json, Map.class);
    }
}
