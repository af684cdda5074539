package org.debtledger.query.debt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.debtledger.audit.AuditMetadata;
import org.debtledger.debt.DebtEvent;
import org.debtledger.query.projection.CopyRows;
import org.debtledger.query.projection.EventPositions;
import org.debtledger.query.projection.ProcessingBatch;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ProjectionVersions;
import org.debtledger.query.projection.ReadModelFill;
import org.debtledger.serialization.EventSerialization;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.debtledger.query.projection.ProjectionVersions.table;

/**
 * Keeps the debt view and the audit timeline: each event of a debt is folded into its view, and written to the
 * timeline with who caused it and the balance after it. Keyed on the debt's sequence number, so an event
 * delivered again changes nothing. A batch of events is folded in memory (a poison event still fails alone, so
 * it is dead-lettered alone) and written once, before the batch's transaction commits: the views of its debts
 * read in one query, each changed view and every timeline entry written in one batch of statements. A rebuild
 * folds each debt's events with the same rules and writes the rows with COPY ({@link #fold}).
 */
@Component
@ProcessingGroup(ProcessingGroups.DEBTS)
public class DebtProjection implements ReadModelFill {

    private static final ObjectMapper JSON = EventSerialization.objectMapper();
    /** The tables' columns, each with the parameter of a row that holds it: what a rebuild's COPY writes. */
    private static final CopyRows.Columns VIEW_COLUMNS = CopyRows.Columns.of("debt_id", "id", "debtor_id", "debtor",
            "creditor_id", "creditor", "status", "status", "sequence_number", "sequence", "position", "position",
            "view", "view");
    private static final CopyRows.Columns TIMELINE_COLUMNS = CopyRows.Columns.of("debt_id", "id",
            "sequence_number", "sequence", "position", "position", "event_type", "type", "business_date", "date",
            "recorded_at", "recorded", "actor_id", "actor", "actor_role", "role", "channel", "channel",
            "reason", "reason", "correlation_id", "correlation", "details", "details", "balance_after", "balance");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate statements;
    private final ProjectionVersions versions;
    private final EventPositions positions;

    DebtProjection(JdbcClient jdbc, NamedParameterJdbcTemplate statements, ProjectionVersions versions,
                   EventPositions positions) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.versions = versions;
        this.positions = positions;
    }

    @EventHandler
    void on(DebtEvent event, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt, MetaData metaData) {
        long position = positions.of(event, sequenceNumber);
        int version = versions.ofBatch(ProcessingGroups.DEBTS);
        Changes changes = ProcessingBatch.state(DebtProjection.class.getName(), () -> new Changes(version), this::save);
        DebtView before = changes.view(event.debtId().value());
        if (before != null && before.sequenceNumber() >= sequenceNumber) {
            return;
        }
        DebtView after = DebtViewFold.apply(before, event, sequenceNumber, position);
        changes.views.put(after.debtId(), after);
        changes.changed.add(after.debtId());
        changes.timeline.add(timelineEntry(event, after, recordedAt, metaData));
    }

    @Override
    public String processingGroup() {
        return ProcessingGroups.DEBTS;
    }

    @Override
    public Optional<Failure> fold(List<StoredEvent> events, int version, CopyRows rows) {
        DebtView view = null;
        for (int i = 0; i < events.size(); i++) {
            StoredEvent stored = events.get(i);
            DomainEventMessage<?> message = stored.message();
            try {
                DebtView after = DebtViewFold.apply(view, stored.event(), message.getSequenceNumber(), stored.position());
                rows.add(table("audit_entry", version), TIMELINE_COLUMNS,
                        timelineEntry(stored.event(), after, message.getTimestamp(), message.getMetaData()));
                view = after;
            } catch (RuntimeException e) {
                addView(rows, version, view);
                return Optional.of(new Failure(i, e));
            }
        }
        addView(rows, version, view);
        return Optional.empty();
    }

    private static void addView(CopyRows rows, int version, DebtView view) {
        if (view != null) {
            rows.add(table("debt_view", version), VIEW_COLUMNS, viewRow(view));
        }
    }

    /** What a batch changes in one version of the tables: the views of its debts as folded so far, and the timeline. */
    private final class Changes {
        final int version;
        final Map<String, DebtView> views = new HashMap<>();
        final Set<String> changed = new LinkedHashSet<>();
        final List<MapSqlParameterSource> timeline = new ArrayList<>();

        Changes(int version) {
            this.version = version;
            load(ProcessingBatch.events().stream().map(DomainEventMessage::getAggregateIdentifier).toList());
        }

        /** The debt's view as folded so far; null before its registration. */
        DebtView view(String debtId) {
            if (!views.containsKey(debtId)) {
                load(List.of(debtId));
            }
            return views.get(debtId);
        }

        private void load(List<String> debtIds) {
            debtIds.forEach(debtId -> views.put(debtId, null));
            ProcessingBatch.lookUpWithFreshPlans(jdbc, () -> jdbc.sql("SELECT debt_id, view FROM "
                            + table("debt_view", version) + " WHERE debt_id = ANY(:ids)")
                    .param("ids", debtIds.stream().distinct().toArray(String[]::new))
                    .query((row, n) -> read(row.getString(2), DebtView.class))
                    .list()
                    .forEach(view -> views.put(view.debtId(), view)));
        }
    }

    private void save(Changes changes) {
        statements.batchUpdate("INSERT INTO " + table("debt_view", changes.version) + """
                         (debt_id, debtor_id, creditor_id, status, sequence_number, position, view)
                        VALUES (:id, :debtor, :creditor, :status, :sequence, :position, CAST(:view AS jsonb))
                        ON CONFLICT (debt_id) DO UPDATE SET status = :status, sequence_number = :sequence,
                            position = :position, view = CAST(:view AS jsonb)""",
                changes.changed.stream().map(changes.views::get).map(DebtProjection::viewRow)
                        .toArray(MapSqlParameterSource[]::new));
        statements.batchUpdate("INSERT INTO " + table("audit_entry", changes.version) + """
                         (debt_id, sequence_number, position, event_type, business_date, recorded_at, actor_id,
                          actor_role, channel, reason, correlation_id, details, balance_after)
                        VALUES (:id, :sequence, :position, :type, :date, :recorded, :actor, :role, :channel, :reason,
                                :correlation, CAST(:details AS jsonb), CAST(:balance AS jsonb))
                        ON CONFLICT (debt_id, sequence_number) DO NOTHING""",
                changes.timeline.toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource viewRow(DebtView view) {
        return new MapSqlParameterSource()
                .addValue("id", view.debtId()).addValue("debtor", view.debtorId())
                .addValue("creditor", view.creditorId()).addValue("status", view.status().name())
                .addValue("sequence", view.sequenceNumber()).addValue("position", view.position())
                .addValue("view", write(view));
    }

    private static MapSqlParameterSource timelineEntry(DebtEvent event, DebtView after, Instant recordedAt,
                                                       MetaData metaData) {
        Map<String, Object> balance = new LinkedHashMap<>();
        balance.put("outstanding", after.outstanding());
        balance.put("paid", after.paid());
        balance.put("credit", after.credit());
        return new MapSqlParameterSource()
                .addValue("id", after.debtId()).addValue("sequence", after.sequenceNumber())
                .addValue("position", after.position()).addValue("type", event.getClass().getSimpleName())
                .addValue("date", event.date()).addValue("recorded", java.sql.Timestamp.from(recordedAt))
                .addValue("actor", text(metaData, AuditMetadata.ACTOR_ID))
                .addValue("role", text(metaData, AuditMetadata.ACTOR_ROLE))
                .addValue("channel", text(metaData, AuditMetadata.CHANNEL))
                .addValue("reason", text(metaData, AuditMetadata.REASON))
                .addValue("correlation", text(metaData, AuditMetadata.CORRELATION_ID))
                .addValue("details", write(event)).addValue("balance", write(balance));
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
