package org.debtledger.query.queue;

import java.time.LocalDate;

/** A work item of the advisor queue, as its row of work_item. */
record WorkItemRow(String itemId, String debtId, String creditorId, String advisorId, WorkType type, int priority,
                   LocalDate dueDate, LocalDate visibleFrom, String reason, boolean open, Long remainingMinor,
                   long raisedPosition, long changedPosition) {

    WorkItemRow closed(long position) {
        return new WorkItemRow(itemId, debtId, creditorId, advisorId, type, priority, dueDate, visibleFrom, reason,
                false, remainingMinor, raisedPosition, position);
    }

    /** Less {@code amount} remains (more when it is negative), and the item is open while anything does. */
    WorkItemRow reduced(long amount, long position) {
        long remaining = remainingMinor - amount;
        return new WorkItemRow(itemId, debtId, creditorId, advisorId, type, priority, dueDate, visibleFrom, reason,
                remaining > 0, remaining, raisedPosition, position);
    }

    WorkItemRow added(long amount, String reason, long position) {
        return new WorkItemRow(itemId, debtId, creditorId, advisorId, type, priority, dueDate, visibleFrom, reason, open,
                remainingMinor + amount, raisedPosition, position);
    }

    WorkItemRow assigned(String advisorId, long position) {
        return new WorkItemRow(itemId, debtId, creditorId, advisorId, type, priority, dueDate, visibleFrom, reason, open,
                remainingMinor, raisedPosition, position);
    }
}
