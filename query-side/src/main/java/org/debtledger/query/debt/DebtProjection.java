package org.debtledger.query.debt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.debtledger.audit.AuditMetadata;
import org.debtledger.debt.DebtEvent;
import org.debtledger.query.ProcessingGroups;
import org.debtledger.query.EventPositions;
import org.debtledger.query.ProjectionVersions;
import org.debtledger.serialization.EventSerialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.debtledger.query.ProjectionVersions.table;

/**
 * Keeps the debt view and the audit timeline: each event of a debt is folded into its view, and written to the
 * timeline with who caused it and the balance after it. Keyed on the debt's sequence number, so an event
 * delivered again changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.DEBTS)
public class DebtProjection {

    private static final ObjectMapper JSON = EventSerialization.objectMapper();

    private final JdbcClient jdbc;
    private final ProjectionVersions versions;
    private final EventPositions positions;

    DebtProjection(JdbcClient jdbc, ProjectionVersions versions, EventPositions positions) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.positions = positions;
    }

    @EventHandler
    void on(DebtEvent event, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt, MetaData metaData,
            ReplayStatus status) {
        long position = positions.of(event, sequenceNumber);
        for (int version : versions.targets(ProcessingGroups.DEBTS, status)) {
            DebtView before = load(version, event.debtId().value()).orElse(null);
            if (before != null && before.sequenceNumber() >= sequenceNumber) {
                continue;
            }
            DebtView after = DebtViewFold.apply(before, event, sequenceNumber, position);
            save(version, after);
            record(version, event, after, recordedAt, metaData);
        }
    }

    private Optional<DebtView> load(int version, String debtId) {
        return jdbc.sql("SELECT view FROM " + table("debt_view", version) + " WHERE debt_id = :id")
                .param("id", debtId)
                .query((row, n) -> read(row.getString(1), DebtView.class))
                .optional();
    }

    private void save(int version, DebtView view) {
        jdbc.sql("INSERT INTO " + table("debt_view", version) + """
                         (debt_id, debtor_id, creditor_id, status, sequence_number, position, view)
                        VALUES (:id, :debtor, :creditor, :status, :sequence, :position, CAST(:view AS jsonb))
                        ON CONFLICT (debt_id) DO UPDATE SET status = :status, sequence_number = :sequence,
                            position = :position, view = CAST(:view AS jsonb)""")
                .param("id", view.debtId()).param("debtor", view.debtorId()).param("creditor", view.creditorId())
                .param("status", view.status().name()).param("sequence", view.sequenceNumber())
                .param("position", view.position()).param("view", write(view))
                .update();
    }

    private void record(int version, DebtEvent event, DebtView after, Instant recordedAt, MetaData metaData) {
        Map<String, Object> balance = new LinkedHashMap<>();
        balance.put("outstanding", after.outstanding());
        balance.put("paid", after.paid());
        balance.put("credit", after.credit());
        jdbc.sql("INSERT INTO " + table("audit_entry", version) + """
                         (debt_id, sequence_number, position, event_type, business_date, recorded_at, actor_id,
                          actor_role, channel, reason, correlation_id, details, balance_after)
                        VALUES (:id, :sequence, :position, :type, :date, :recorded, :actor, :role, :channel, :reason,
                                :correlation, CAST(:details AS jsonb), CAST(:balance AS jsonb))
                        ON CONFLICT (debt_id, sequence_number) DO NOTHING""")
                .param("id", after.debtId()).param("sequence", after.sequenceNumber())
                .param("position", after.position()).param("type", event.getClass().getSimpleName())
                .param("date", event.date()).param("recorded", java.sql.Timestamp.from(recordedAt))
                .param("actor", text(metaData, AuditMetadata.ACTOR_ID))
                .param("role", text(metaData, AuditMetadata.ACTOR_ROLE))
                .param("channel", text(metaData, AuditMetadata.CHANNEL))
                .param("reason", text(metaData, AuditMetadata.REASON))
                .param("correlation", text(metaData, AuditMetadata.CORRELATION_ID))
                .param("details", write(event)).param("balance", write(balance))
                .update();
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
