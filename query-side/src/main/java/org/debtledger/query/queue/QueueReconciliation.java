package org.debtledger.query.queue;

import org.debtledger.query.debt.HistoryReplay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import static org.debtledger.query.projection.ProjectionVersions.active;

/**
 * Checks a debt's part of the advisor queue, as the active version holds it, against a fold of the debt's events
 * with the projection's own rules: its row of work_debt and every work item, open and closed, must be equal.
 */
@Component
public class QueueReconciliation {

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    QueueReconciliation(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /**
     * The debt's queue as stored, its row and its items as of one moment; read it before the debt's events, so that
     * they hold every event it applied.
     */
    public DebtWorkItems stored(String debtId) {
        return snapshot.execute(tx -> StoredQueues.read(jdbc, active("work_debt"), active("work_item"),
                List.of(debtId)).get(debtId));
    }

    /** The stored changes of the debt's work items through {@code head}, in order, as item@position:open:date. */
    public List<String> storedChanges(String debtId, long head) {
        return jdbc.sql("SELECT item_id, position, open, business_date FROM " + active("work_item_change")
                        + " WHERE debt_id = :debtId AND position <= :head ORDER BY position, item_id")
                .param("debtId", debtId).param("head", head)
                .query((row, n) -> row.getString(1) + "@" + row.getLong(2) + ":" + row.getBoolean(3) + ":"
                        + row.getObject(4, LocalDate.class))
                .list();
    }

    /** What differs between the stored changes and those of the fold of the events through {@code head}. */
    public static Optional<String> changesDifference(String debtId, List<String> stored,
                                                     List<HistoryReplay.Recorded> events, long head) {
        List<String> folded = new ArrayList<>();
        DebtWorkItems queue = new DebtWorkItems(debtId, null, List.of());
        try {
            for (HistoryReplay.Recorded event : events) {
                if (event.position() > head) {
                    break;
                }
                queue = queue.after(event.event(), event.sequenceNumber(), event.position());
                queue.items().stream().filter(item -> item.changedPosition() == event.position())
                        .map(item -> item.itemId() + "@" + event.position() + ":" + item.open() + ":"
                                + event.event().date())
                        .sorted().forEach(folded::add);
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // the queue's own comparison reports it
        }
        return new TreeSet<>(stored).equals(new TreeSet<>(folded)) ? Optional.empty()
                : Optional.of("work_item_change holds " + stored + "; the events give " + folded);
    }

    /**
     * What differs between the stored queue and the fold of the events it should have applied: those at or before
     * {@code head}, and any later ones it applied already. Empty when nothing does.
     */
    public static Optional<String> difference(DebtWorkItems stored, List<HistoryReplay.Recorded> events, long head) {
        long applied = stored.debt() == null ? -1 : stored.debt().sequenceNumber();
        DebtWorkItems folded = new DebtWorkItems(stored.debtId(), null, List.of());
        try {
            for (HistoryReplay.Recorded event : events) {
                if (event.position() <= head || event.sequenceNumber() <= applied) {
                    folded = folded.after(event.event(), event.sequenceNumber(), event.position());
                }
            }
        } catch (RuntimeException e) {
            return Optional.of("the events cannot be folded: " + e.getMessage());
        }
        if (!Objects.equals(stored.debt(), folded.debt())) {
            return Optional.of("work_debt holds " + stored.debt() + "; the events give " + folded.debt());
        }
        TreeSet<String> itemIds = new TreeSet<>();
        stored.items().forEach(item -> itemIds.add(item.itemId()));
        folded.items().forEach(item -> itemIds.add(item.itemId()));
        for (String itemId : itemIds) {
            if (!Objects.equals(stored.item(itemId), folded.item(itemId))) {
                return Optional.of("work item " + itemId + ": stored " + stored.item(itemId) + "; the events give "
                        + folded.item(itemId));
            }
        }
        return Optional.empty();
    }
}
