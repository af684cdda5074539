package org.debtledger.query.debt;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.MetaData;
import org.debtledger.audit.AuditMetadata;
import org.debtledger.debt.DebtEvent;
import org.debtledger.query.projection.BatchedProjection;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ProjectedReadModel;
import org.debtledger.query.projection.ReadModelJson;
import org.debtledger.query.projection.Rows;
import org.debtledger.query.projection.StoredEvent;
import org.debtledger.query.projection.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.debtledger.query.projection.ProjectionVersions.table;

/**
 * The debt view and the audit timeline: each event of a debt is folded into its view ({@link DebtViewFold}) and
 * written to the timeline with who caused it and the balance after it. Keyed on the debt's sequence number, so an
 * event delivered again changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.DEBTS)
public class DebtViewProjection extends ProjectedReadModel<DebtView> {

    static final Table DEBT_VIEW = Table.named("debt_view", "debt_id", "debtor_id", "creditor_id", "status",
                    "sequence_number", "position", "view")
            .withJson("view")
            .onConflict("(debt_id) DO UPDATE SET status = :status, sequence_number = :sequence_number,"
                    + " position = :position, view = CAST(:view AS jsonb)");
    static final Table AUDIT_ENTRY = Table.named("audit_entry", "debt_id", "sequence_number", "position",
                    "event_type", "business_date", "recorded_at", "actor_id", "actor_role", "channel", "reason",
                    "correlation_id", "details", "balance_after")
            .withJson("details", "balance_after")
            .onConflict("(debt_id, sequence_number) DO NOTHING");

    DebtViewProjection(BatchedProjection batches) {
        super(batches, ProcessingGroups.DEBTS);
    }

    /** No view before the debt's registration. */
    @Override
    public DebtView initial(String debtId) {
        return null;
    }

    @Override
    public Map<String, DebtView> load(JdbcClient jdbc, int version, List<String> debtIds) {
        Map<String, DebtView> views = new HashMap<>();
        jdbc.sql("SELECT view FROM " + table(DEBT_VIEW.name(), version) + " WHERE debt_id = ANY(:ids)")
                .param("ids", debtIds.stream().distinct().toArray(String[]::new))
                .query((row, n) -> ReadModelJson.read(row.getString(1), DebtView.class))
                .list()
                .forEach(view -> views.put(view.debtId(), view));
        return views;
    }

    @Override
    public DebtView evolve(DebtView view, StoredEvent event) {
        if (view != null && view.sequenceNumber() >= event.sequenceNumber()) {
            return view;
        }
        return DebtViewFold.apply(view, event.event(), event.sequenceNumber(), event.position());
    }

    @Override
    public void eventRows(StoredEvent event, DebtView after, Rows rows) {
        rows.add(AUDIT_ENTRY, timelineEntry(event, after));
    }

    @Override
    public void stateRows(DebtView stored, DebtView after, Rows rows) {
        if (after != stored) {
            rows.add(DEBT_VIEW, new MapSqlParameterSource()
                    .addValue("debt_id", after.debtId()).addValue("debtor_id", after.debtorId())
                    .addValue("creditor_id", after.creditorId()).addValue("status", after.status().name())
                    .addValue("sequence_number", after.sequenceNumber()).addValue("position", after.position())
                    .addValue("view", ReadModelJson.write(after)));
        }
    }

    private static MapSqlParameterSource timelineEntry(StoredEvent stored, DebtView after) {
        DebtEvent event = stored.event();
        Map<String, Object> balance = new LinkedHashMap<>();
        balance.put("outstanding", after.outstanding());
        balance.put("paid", after.paid());
        balance.put("credit", after.credit());
        return new MapSqlParameterSource()
                .addValue("debt_id", after.debtId()).addValue("sequence_number", after.sequenceNumber())
                .addValue("position", after.position()).addValue("event_type", event.getClass().getSimpleName())
                .addValue("business_date", event.date())
                .addValue("recorded_at", java.sql.Timestamp.from(stored.recordedAt()))
                .addValue("actor_id", text(stored.metaData(), AuditMetadata.ACTOR_ID))
                .addValue("actor_role", text(stored.metaData(), AuditMetadata.ACTOR_ROLE))
                .addValue("channel", text(stored.metaData(), AuditMetadata.CHANNEL))
                .addValue("reason", text(stored.metaData(), AuditMetadata.REASON))
                .addValue("correlation_id", text(stored.metaData(), AuditMetadata.CORRELATION_ID))
                .addValue("details", ReadModelJson.write(event)).addValue("balance_after", ReadModelJson.write(balance));
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
