package org.debtledger.query.queue;

import org.debtledger.contact.ContactChannel;
import org.debtledger.contact.ContactOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Debts' parts of the advisor queue as one version of its tables (or the active version's views) holds them. */
final class StoredQueues {

    private StoredQueues() {
    }

    /** Each of {@code debtIds}' queue, read from the {@code workDebt} and {@code workItem} tables. */
    static Map<String, DebtWorkItems> read(JdbcClient jdbc, String workDebt, String workItem, List<String> debtIds) {
        String[] ids = debtIds.toArray(String[]::new);
        Map<String, DebtWorkItems.Debt> debts = new HashMap<>();
        Map<String, List<WorkItemRow>> items = new HashMap<>();
        jdbc.sql("SELECT debt_id, creditor_id, advisor_id, sequence_number, plan_number, last_contact_date,"
                        + " last_contact_channel, last_contact_outcome FROM " + workDebt + " WHERE debt_id = ANY(:ids)")
                .param("ids", ids)
                .query((row, n) -> new DebtWorkItems.Debt(row.getString(1), row.getString(2), row.getString(3),
                        row.getLong(4), (Integer) row.getObject(5), lastContact(row)))
                .list()
                .forEach(debt -> debts.put(debt.debtId(), debt));
        jdbc.sql("SELECT item_id, debt_id, creditor_id, advisor_id, type, priority, due_date, visible_from, reason,"
                        + " open, remaining_minor, raised_position, changed_position FROM " + workItem
                        + " WHERE debt_id = ANY(:ids)")
                .param("ids", ids)
                .query((row, n) -> new WorkItemRow(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), WorkType.valueOf(row.getString(5)), row.getInt(6),
                        row.getObject(7, LocalDate.class), row.getObject(8, LocalDate.class), row.getString(9),
                        row.getBoolean(10), (Long) row.getObject(11), row.getLong(12), row.getLong(13)))
                .list()
                .forEach(item -> items.computeIfAbsent(item.debtId(), absent -> new ArrayList<>()).add(item));
        Map<String, DebtWorkItems> queues = new HashMap<>();
        for (String debtId : debtIds) {
            queues.put(debtId, new DebtWorkItems(debtId, debts.get(debtId), items.getOrDefault(debtId, List.of())));
        }
        return queues;
    }

    // ---- the contact log
    static DebtWorkItems.LastContact lastContact(ResultSet row) throws SQLException {
        LocalDate date = row.getObject("last_contact_date", LocalDate.class);
        return date == null ? null : new DebtWorkItems.LastContact(date,
                ContactChannel.valueOf(row.getString("last_contact_channel")),
                ContactOutcome.valueOf(row.getString("last_contact_outcome")));
    }
}
