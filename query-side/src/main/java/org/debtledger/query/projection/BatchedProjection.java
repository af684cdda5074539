package org.debtledger.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs read models live, a processor's batch of events at a time. Each event is folded in memory into its debt's
 * state as the batch holds it (a poison event still fails alone, so it is dead-lettered alone, and leaves the state
 * before it); an event a debt has applied before changes nothing. The batch is written once, before its
 * transaction commits: the states of its debts read in one query a table, the rows that changed written in one batch
 * of statements a table.
 */
@Component
public class BatchedProjection {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate statements;
    private final ProjectionVersions versions;
    private final EventPositions positions;

    BatchedProjection(JdbcClient jdbc, NamedParameterJdbcTemplate statements, ProjectionVersions versions,
                      EventPositions positions) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.versions = versions;
        this.positions = positions;
    }

    /** Folds an event a processor hands the model's handler into the batch's changes. */
    public <S> void handle(ReadModel<S> model, DomainEventMessage<?> message) {
        StoredEvent event = new StoredEvent(message, positions.of(message));
        int version = versions.ofBatch(model.processingGroup());
        Changes<S> changes = ProcessingBatch.state(BatchedProjection.class.getName() + ":" + model.processingGroup(),
                () -> new Changes<>(model, version), this::save);
        S before = changes.state(event.debtId());
        S after = model.evolve(before, event);
        if (after != before) {
            List<Map.Entry<Table, MapSqlParameterSource>> added = new ArrayList<>();
            model.eventRows(event, after, (table, row) -> added.add(Map.entry(table, row)));
            changes.folded.put(event.debtId(), after);
            changes.eventRows.addAll(added);
        }
    }

    /** What a batch changes in one version of a model's tables: its debts' states as stored, and as folded so far. */
    private final class Changes<S> {
        final ReadModel<S> model;
        final int version;
        final Map<String, S> stored = new LinkedHashMap<>();
        final Map<String, S> folded = new LinkedHashMap<>();
        final List<Map.Entry<Table, MapSqlParameterSource>> eventRows = new ArrayList<>();

        Changes(ReadModel<S> model, int version) {
            this.model = model;
            this.version = version;
            load(ProcessingBatch.events().stream().map(DomainEventMessage::getAggregateIdentifier).distinct().toList());
        }

        S state(String debtId) {
            if (!folded.containsKey(debtId)) {
                load(List.of(debtId));
            }
            return folded.get(debtId);
        }

        private void load(List<String> debtIds) {
            ProcessingBatch.lookUpWithFreshPlans(jdbc, () -> {
                Map<String, S> read = model.load(jdbc, version, debtIds);
                for (String debtId : debtIds) {
                    S state = read.containsKey(debtId) ? read.get(debtId) : model.initial(debtId);
                    stored.put(debtId, state);
                    folded.put(debtId, state);
                }
            });
        }
    }

    /** Writes the rows the batch changed, a batch of statements a table. */
    private <S> void save(Changes<S> changes) {
        Map<Table, List<MapSqlParameterSource>> rows = new LinkedHashMap<>();
        Rows sink = (table, row) -> rows.computeIfAbsent(table, absent -> new ArrayList<>()).add(row);
        changes.folded.forEach((debtId, state) -> changes.model.stateRows(changes.stored.get(debtId), state, sink));
        changes.eventRows.forEach(row -> sink.add(row.getKey(), row.getValue()));
        rows.forEach((table, tableRows) -> statements.batchUpdate(table.insert(changes.version),
                tableRows.toArray(MapSqlParameterSource[]::new)));
    }
}
