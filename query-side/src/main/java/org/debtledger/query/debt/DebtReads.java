package org.debtledger.query.debt;

import org.debtledger.query.config.QueryConnections;
import org.debtledger.query.projection.DeadLetters;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ReadModelJson;
import org.debtledger.query.projection.StoredEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.debtledger.query.projection.ProjectionVersions.active;

/** Reads of the debt view and the audit timeline, through the views of their active version. */
@Component
public class DebtReads {

    private final JdbcClient jdbc;
    private final StoredEvents stored;

    DebtReads(QueryConnections connections, StoredEvents stored) {
        this.jdbc = connections.jdbc();
        this.stored = stored;
    }

    /** A debt's view and how many of its events wait in the debt view's dead-letter queue, read together. */
    public record ViewRead(DebtView view, long deadLetters) {
    }

    public Optional<DebtView> view(String debtId) {
        return viewRead(debtId).map(ViewRead::view);
    }

    public Optional<ViewRead> viewRead(String debtId) {
        return jdbc.sql("SELECT view, " + DeadLetters.COUNT_OF_DEBT + " FROM " + active("debt_view")
                        + " WHERE debt_id = :id")
                .param("id", debtId).param("group", ProcessingGroups.DEBTS)
                .query((row, n) -> new ViewRead(ReadModelJson.read(row.getString(1), DebtView.class), row.getLong(2)))
                .optional();
    }

    public List<DebtView> viewsOfDebtor(String debtorId) {
        return jdbc.sql("SELECT view FROM " + active("debt_view") + " WHERE debtor_id = :id ORDER BY debt_id")
                .param("id", debtorId)
                .query((row, n) -> ReadModelJson.read(row.getString(1), DebtView.class))
                .list();
    }

    /**
     * The views of the debts of any of {@code debtorIds}, in debt-id order from the first after {@code afterDebtId}
     * (null: from the first of all), at most {@code limit}.
     */
    public List<DebtView> viewsOfDebtors(Collection<String> debtorIds, String afterDebtId, int limit) {
        if (debtorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT view FROM " + active("debt_view") + " WHERE debtor_id IN (:ids)"
                        + " AND (CAST(:after AS TEXT) IS NULL OR debt_id > :after) ORDER BY debt_id LIMIT :limit")
                .param("ids", debtorIds).param("after", afterDebtId).param("limit", limit)
                .query((row, n) -> ReadModelJson.read(row.getString(1), DebtView.class))
                .list();
    }

    /** The event store's newest position. */
    public long storeHead() {
        return stored.head();
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
                        FROM\s""" + active("audit_entry") + " WHERE debt_id = :id ORDER BY sequence_number")
                .param("id", debtId)
                .query((row, n) -> new TimelineEntry(row.getLong(1), row.getLong(2), row.getString(3),
                        row.getObject(4, LocalDate.class), row.getTimestamp(5).toInstant(), row.getString(6),
                        row.getString(7), row.getString(8), row.getString(9), row.getString(10),
                        ReadModelJson.readObject(row.getString(11)), ReadModelJson.readObject(row.getString(12))))
                .list();
    }
}
