package org.debtledger.query.queue;

import org.axonframework.config.ProcessingGroup;
import org.debtledger.query.projection.BatchedProjection;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ProjectedReadModel;
import org.debtledger.query.projection.Rows;
import org.debtledger.query.projection.StoredEvent;
import org.debtledger.query.projection.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.debtledger.query.projection.ProjectionVersions.table;

/**
 * The advisor queue: each event of a debt is folded into the debt's part of the queue ({@link DebtWorkItems}), stored
 * as its row of work_debt and its work items. A closed item raised again is written over, so nothing is deleted.
 */
@Component
@ProcessingGroup(ProcessingGroups.ADVISOR_QUEUE)
public class AdvisorQueueProjection extends ProjectedReadModel<DebtWorkItems> {

    static final Table WORK_DEBT = Table.named("work_debt", "debt_id", "creditor_id", "advisor_id",
                    "sequence_number", "plan_number", "last_contact_date", "last_contact_channel",
                    "last_contact_outcome")
            .onConflict("(debt_id) DO UPDATE SET creditor_id = :creditor_id, advisor_id = :advisor_id,"
                    + " sequence_number = :sequence_number, plan_number = :plan_number,"
                    + " last_contact_date = :last_contact_date, last_contact_channel = :last_contact_channel,"
                    + " last_contact_outcome = :last_contact_outcome");
    static final Table WORK_ITEM = Table.named("work_item", "item_id", "debt_id", "creditor_id", "advisor_id",
                    "type", "priority", "due_date", "visible_from", "reason", "open", "remaining_minor",
                    "raised_position", "changed_position")
            .onConflict("(item_id) DO UPDATE SET debt_id = :debt_id, creditor_id = :creditor_id,"
                    + " advisor_id = :advisor_id, type = :type, priority = :priority, due_date = :due_date,"
                    + " visible_from = :visible_from, reason = :reason, open = :open,"
                    + " remaining_minor = :remaining_minor, raised_position = :raised_position,"
                    + " changed_position = :changed_position");

    /** Every change of a work item with its event's business date: the queue's history, for its size on past days. */
    static final Table WORK_ITEM_CHANGE = Table.named("work_item_change", "item_id", "position", "debt_id", "type",
            "open", "visible_from", "business_date").onConflict("(item_id, position) DO NOTHING");

    AdvisorQueueProjection(BatchedProjection batches) {
        super(batches, ProcessingGroups.ADVISOR_QUEUE);
    }

    @Override
    public DebtWorkItems initial(String debtId) {
        return new DebtWorkItems(debtId, null, List.of());
    }

    @Override
    public Map<String, DebtWorkItems> load(JdbcClient jdbc, int version, List<String> debtIds) {
        return StoredQueues.read(jdbc, table(WORK_DEBT.name(), version), table(WORK_ITEM.name(), version), debtIds);
    }

    @Override
    public DebtWorkItems evolve(DebtWorkItems queue, StoredEvent event) {
        return queue.after(event.event(), event.sequenceNumber(), event.position());
    }

    @Override
    public void eventRows(StoredEvent event, DebtWorkItems after, Rows rows) {
        for (WorkItemRow item : after.items()) {
            if (item.changedPosition() == event.position()) {
                rows.add(WORK_ITEM_CHANGE, change(item, event.event().date()));
            }
        }
    }

    /** The row of work_item_change for an item as its event at {@code businessDate} left it. */
    static MapSqlParameterSource change(WorkItemRow item, LocalDate businessDate) {
        return new MapSqlParameterSource().addValue("item_id", item.itemId())
                .addValue("position", item.changedPosition()).addValue("debt_id", item.debtId())
                .addValue("type", item.type().name()).addValue("open", item.open())
                .addValue("visible_from", item.visibleFrom()).addValue("business_date", businessDate);
    }

    @Override
    public void stateRows(DebtWorkItems stored, DebtWorkItems after, Rows rows) {
        if (after.debt() != null && !after.debt().equals(stored.debt())) {
            rows.add(WORK_DEBT, row(after.debt()));
        }
        for (WorkItemRow item : after.items()) {
            if (!item.equals(stored.item(item.itemId()))) {
                rows.add(WORK_ITEM, row(item));
            }
        }
    }

    private static MapSqlParameterSource row(DebtWorkItems.Debt debt) {
        return new MapSqlParameterSource()
                .addValue("debt_id", debt.debtId()).addValue("creditor_id", debt.creditorId())
                .addValue("advisor_id", debt.advisorId(), Types.VARCHAR)
                .addValue("sequence_number", debt.sequenceNumber())
                .addValue("plan_number", debt.planNumber(), Types.INTEGER)
                .addValue("last_contact_date", debt.lastContact() == null ? null : debt.lastContact().date(),
                        Types.DATE)
                .addValue("last_contact_channel",
                        debt.lastContact() == null ? null : debt.lastContact().channel().name(), Types.VARCHAR)
                .addValue("last_contact_outcome",
                        debt.lastContact() == null ? null : debt.lastContact().outcome().name(), Types.VARCHAR);
    }

    private static MapSqlParameterSource row(WorkItemRow item) {
        return new MapSqlParameterSource()
                .addValue("item_id", item.itemId()).addValue("debt_id", item.debtId())
                .addValue("creditor_id", item.creditorId()).addValue("advisor_id", item.advisorId(), Types.VARCHAR)
                .addValue("type", item.type().name()).addValue("priority", item.priority())
                .addValue("due_date", item.dueDate()).addValue("visible_from", item.visibleFrom())
                .addValue("reason", item.reason()).addValue("open", item.open())
                .addValue("remaining_minor", item.remainingMinor(), Types.BIGINT)
                .addValue("raised_position", item.raisedPosition()).addValue("changed_position", item.changedPosition());
    }
}
