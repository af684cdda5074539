package org.debtledger.query.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** One piece of work in the advisor queue, with the last contact about its debt (null before the first). */
public record WorkItem(String itemId, String debtId, String creditorId, String advisorId, String type, int priority,
                       LocalDate dueDate, String reason, boolean open, long changedPosition,
                       DebtWorkItems.LastContact lastContact) {

    static final String COLUMNS = "item_id, debt_id, creditor_id, advisor_id, type, priority, due_date, reason, open,"
            + " changed_position";

    static WorkItem from(ResultSet row, int n) throws SQLException {
        return new WorkItem(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getInt(6), row.getObject(7, LocalDate.class), row.getString(8), row.getBoolean(9), row.getLong(10),
                null);
    }

    WorkItem withLastContact(DebtWorkItems.LastContact contact) {
        return new WorkItem(itemId, debtId, creditorId, advisorId, type, priority, dueDate, reason, open,
                changedPosition, contact);
    }
}
