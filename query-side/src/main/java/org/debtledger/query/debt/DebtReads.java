package org.debtledger.query.debt;

import org.debtledger.query.ProcessingGroups;
import org.debtledger.query.ProjectionVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.debtledger.query.ProjectionVersions.table;

/** Reads of the debt view and the audit timeline, from the active version of their tables. */
@Component
public class DebtReads {

    private final JdbcClient jdbc;
    private final ProjectionVersions versions;

    DebtReads(JdbcClient jdbc, ProjectionVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    public Optional<DebtView> view(String debtId) {
        return jdbc.sql("SELECT view FROM " + activeTable("debt_view") + " WHERE debt_id = :id")
                .param("id", debtId)
                .query((row, n) -> DebtProjection.read(row.getString(1), DebtView.class))
                .optional();
    }

    public List<DebtView> viewsOfDebtor(String debtorId) {
        return jdbc.sql("SELECT view FROM " + activeTable("debt_view") + " WHERE debtor_id = :id ORDER BY debt_id")
                .param("id", debtorId)
                .query((row, n) -> DebtProjection.read(row.getString(1), DebtView.class))
                .list();
    }

    /** How many of the debt's events wait in the debt view's dead-letter queue. */
    public long deadLetters(String debtId) {
        return jdbc.sql("SELECT count(*) FROM deadletterentry WHERE processinggroup = :group"
                        + " AND sequenceidentifier = :debt")
                .param("group", ProcessingGroups.DEBTS).param("debt", debtId).query(Long.class).single();
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
        return jdbc.sql("""
                        SELECT sequence_number, position, event_type, business_date, recorded_at, actor_id, actor_role,
                               channel, reason, correlation_id, details, balance_after
                        FROM\s""" + activeTable("audit_entry") + " WHERE debt_id = :id ORDER BY sequence_number")
                .param("id", debtId)
                .query((row, n) -> new TimelineEntry(row.getLong(1), row.getLong(2), row.getString(3),
                        row.getObject(4, LocalDate.class), row.getTimestamp(5).toInstant(), row.getString(6),
                        row.getString(7), row.getString(8), row.getString(9), row.getString(10),
                        json(row.getString(11)), json(row.getString(12))))
                .list();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String json) {
        return DebtProjection.read(json, Map.class);
    }

    private String activeTable(String base) {
        return table(base, versions.of(ProcessingGroups.DEBTS).active());
    }
}
