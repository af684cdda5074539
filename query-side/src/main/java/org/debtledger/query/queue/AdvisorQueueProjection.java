package org.debtledger.query.queue;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.debtledger.debt.DebtEvent;
import org.debtledger.query.projection.CopyRows;
import org.debtledger.query.projection.EventPositions;
import org.debtledger.query.projection.ProcessingBatch;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ProjectionVersions;
import org.debtledger.query.projection.ReadModelFill;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.debtledger.query.projection.ProjectionVersions.table;

/**
 * Keeps the advisor queue: each event of a debt is folded into the debt's part of the queue ({@link DebtQueue}).
 * A batch of events is folded in memory (a poison event still fails alone, so it is dead-lettered alone) and
 * written once, before the batch's transaction commits: the queues of its debts read in one query a table, each
 * changed row of work_debt and work_item written in one batch of statements. A rebuild folds each debt's events
 * with the same rules and writes the rows with COPY ({@link #fold}).
 */
@Component
@ProcessingGroup(ProcessingGroups.ADVISOR_QUEUE)
public class AdvisorQueueProjection implements ReadModelFill {

    /** The tables' columns, each with the parameter of a row that holds it: what a rebuild's COPY writes. */
    private static final CopyRows.Columns DEBT_COLUMNS = CopyRows.Columns.of("debt_id", "debt",
            "creditor_id", "creditor", "advisor_id", "advisor", "sequence_number", "sequence", "plan_number", "plan");
    private static final CopyRows.Columns ITEM_COLUMNS = CopyRows.Columns.of("item_id", "id", "debt_id", "debt",
            "creditor_id", "creditor", "advisor_id", "advisor", "type", "type", "priority", "priority",
            "due_date", "due", "visible_from", "visible", "reason", "reason", "open", "open",
            "remaining_minor", "remaining", "raised_position", "raised", "changed_position", "changed");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate statements;
    private final ProjectionVersions versions;
    private final EventPositions positions;

    AdvisorQueueProjection(JdbcClient jdbc, NamedParameterJdbcTemplate statements, ProjectionVersions versions,
                           EventPositions positions) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.versions = versions;
        this.positions = positions;
    }

    @EventHandler
    void on(DebtEvent event, @SequenceNumber Long sequenceNumber) {
        long position = positions.of(event, sequenceNumber);
        int version = versions.ofBatch(ProcessingGroups.ADVISOR_QUEUE);
        Changes changes = ProcessingBatch.state(AdvisorQueueProjection.class.getName(), () -> new Changes(version),
                this::save);
        DebtQueue after = changes.queue(event.debtId().value()).after(event, sequenceNumber, position);
        changes.queues.put(after.debtId(), after);
    }

    @Override
    public String processingGroup() {
        return ProcessingGroups.ADVISOR_QUEUE;
    }

    @Override
    public Optional<Failure> fold(List<StoredEvent> events, int version, CopyRows rows) {
        DebtQueue queue = new DebtQueue(events.get(0).message().getAggregateIdentifier(), null, List.of());
        Optional<Failure> failure = Optional.empty();
        for (int i = 0; i < events.size() && failure.isEmpty(); i++) {
            StoredEvent stored = events.get(i);
            try {
                queue = queue.after(stored.event(), stored.message().getSequenceNumber(), stored.position());
            } catch (RuntimeException e) {
                failure = Optional.of(new Failure(i, e));
            }
        }
        if (queue.debt() != null) {
            rows.add(table("work_debt", version), DEBT_COLUMNS, parameters(queue.debt()));
        }
        for (DebtQueue.Item item : queue.items()) {
            rows.add(table("work_item", version), ITEM_COLUMNS, parameters(item));
        }
        return failure;
    }

    /** What a batch changes in one version of the tables: the queues of its debts as stored, and as folded so far. */
    private final class Changes {
        final int version;
        final Map<String, DebtQueue> stored = new HashMap<>();
        final Map<String, DebtQueue> queues = new HashMap<>();

        Changes(int version) {
            this.version = version;
            load(ProcessingBatch.events().stream().map(DomainEventMessage::getAggregateIdentifier).distinct().toList());
        }

        DebtQueue queue(String debtId) {
            if (!queues.containsKey(debtId)) {
                load(List.of(debtId));
            }
            return queues.get(debtId);
        }

        private void load(List<String> debtIds) {
            ProcessingBatch.lookUpWithFreshPlans(jdbc, () -> {
                Map<String, DebtQueue> read = StoredQueues.read(jdbc, table("work_debt", version),
                        table("work_item", version), debtIds);
                stored.putAll(read);
                queues.putAll(read);
            });
        }
    }

    /** Writes the rows the batch changed: a closed item raised again is written over, so nothing is deleted. */
    private void save(Changes changes) {
        List<MapSqlParameterSource> debts = new ArrayList<>();
        List<MapSqlParameterSource> items = new ArrayList<>();
        for (DebtQueue queue : changes.queues.values()) {
            DebtQueue stored = changes.stored.get(queue.debtId());
            if (queue.debt() != null && !queue.debt().equals(stored.debt())) {
                debts.add(parameters(queue.debt()));
            }
            for (DebtQueue.Item item : queue.items()) {
                if (!item.equals(stored.item(item.itemId()))) {
                    items.add(parameters(item));
                }
            }
        }
        statements.batchUpdate("INSERT INTO " + table("work_debt", changes.version) + """
                         (debt_id, creditor_id, advisor_id, sequence_number, plan_number)
                        VALUES (:debt, :creditor, :advisor, :sequence, :plan)
                        ON CONFLICT (debt_id) DO UPDATE SET creditor_id = :creditor, advisor_id = :advisor,
                            sequence_number = :sequence, plan_number = :plan""",
                debts.toArray(MapSqlParameterSource[]::new));
        statements.batchUpdate("INSERT INTO " + table("work_item", changes.version) + """
                         (item_id, debt_id, creditor_id, advisor_id, type, priority, due_date, visible_from, reason,
                          open, remaining_minor, raised_position, changed_position)
                        VALUES (:id, :debt, :creditor, :advisor, :type, :priority, :due, :visible, :reason, :open,
                                :remaining, :raised, :changed)
                        ON CONFLICT (item_id) DO UPDATE SET debt_id = :debt, creditor_id = :creditor,
                            advisor_id = :advisor, type = :type, priority = :priority, due_date = :due,
                            visible_from = :visible, reason = :reason, open = :open, remaining_minor = :remaining,
                            raised_position = :raised, changed_position = :changed""",
                items.toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource parameters(DebtQueue.Debt debt) {
        return new MapSqlParameterSource()
                .addValue("debt", debt.debtId()).addValue("creditor", debt.creditorId())
                .addValue("advisor", debt.advisorId(), Types.VARCHAR).addValue("sequence", debt.sequenceNumber())
                .addValue("plan", debt.planNumber(), Types.INTEGER);
    }

    private static MapSqlParameterSource parameters(DebtQueue.Item item) {
        return new MapSqlParameterSource()
                .addValue("id", item.itemId()).addValue("debt", item.debtId()).addValue("creditor", item.creditorId())
                .addValue("advisor", item.advisorId(), Types.VARCHAR).addValue("type", item.type().name())
                .addValue("priority", item.priority()).addValue("due", item.dueDate())
                .addValue("visible", item.visibleFrom()).addValue("reason", item.reason()).addValue("open", item.open())
                .addValue("remaining", item.remainingMinor(), Types.BIGINT)
                .addValue("raised", item.raisedPosition()).addValue("changed", item.changedPosition());
    }
}
