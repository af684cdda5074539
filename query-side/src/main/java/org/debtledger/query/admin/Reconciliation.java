package org.debtledger.query.admin;

import org.debtledger.query.debt.DebtReads;
import org.debtledger.query.debt.DebtView;
import org.debtledger.query.debt.DebtViewFold;
import org.debtledger.query.debt.HistoryReplay;
import org.debtledger.query.portfolio.DebtPortfolio;
import org.debtledger.query.portfolio.PortfolioReconciliation;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ReadModelJson;
import org.debtledger.query.projection.ReadPositions;
import org.debtledger.query.queue.DebtWorkItems;
import org.debtledger.query.queue.QueueReconciliation;
import org.debtledger.query.remittance.RemittanceReconciliation;
import org.debtledger.query.projection.StoredEvents;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the read models against the event store: once every read model has passed the store's head, every debt's
 * view must equal the fold of its events, its audit timeline must list exactly those events, its part of the advisor
 * queue (its items and their changes) must equal their fold with the queue's rules, its part of the portfolio their
 * fold with the portfolio's, and its lines of its creditor's remittance their fold, to the minor unit. What an
 * operator runs after a crash or a restore, and what the fault tests use.
 */
@Component
public class Reconciliation {

    private static final int MISMATCHES_SHOWN = 100;

    private final StoredEvents stored;
    private final DebtReads reads;
    private final HistoryReplay replay;
    private final ReadPositions positions;
    private final QueueReconciliation queues;
    private final PortfolioReconciliation portfolios;
    private final RemittanceReconciliation remittances;

    Reconciliation(StoredEvents stored, DebtReads reads, HistoryReplay replay, ReadPositions positions,
                   QueueReconciliation queues, PortfolioReconciliation portfolios,
                   RemittanceReconciliation remittances) {
        this.stored = stored;
        this.reads = reads;
        this.replay = replay;
        this.positions = positions;
        this.queues = queues;
        this.portfolios = portfolios;
        this.remittances = remittances;
    }

    public record Mismatch(String debtId, String model, String detail) {
    }

    /**
     * @param storeHead  the event store's head when the check began; every event up to it was checked
     * @param mismatches the first {@value #MISMATCHES_SHOWN} of them
     */
    public record Report(long storeHead, long debtsChecked, long eventsChecked, long mismatchCount,
                         List<Mismatch> mismatches, boolean consistent) {
    }

    /** Waits up to {@code maxWait} for each read model to pass the store's head, then compares every debt. */
    public Report run(Duration maxWait) {
        long head = reads.storeHead();
        long deadline = System.nanoTime() + maxWait.toNanos();
        for (String model : ProcessingGroups.ALL) {
            positions.awaitAtLeast(model, head, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        List<String> debts = stored.debtIdsThrough(head);
        List<Mismatch> mismatches = new ArrayList<>();
        long count = 0;
        long events = 0;
        for (String debtId : debts) {
            Optional<DebtView> view = reads.view(debtId);
            DebtWorkItems queue = queues.stored(debtId);
            List<String> queueChanges = queues.storedChanges(debtId, head);
            DebtPortfolio portfolio = portfolios.stored(debtId);
            RemittanceReconciliation.Stored remittance = remittances.stored(debtId);
            List<HistoryReplay.Recorded> debtEvents = replay.events(debtId);
            // events the view applied after the head was read count too: the view may be ahead, never behind
            long bound = Math.max(head, view.map(DebtView::position).orElse(0L));
            List<HistoryReplay.Recorded> recorded = debtEvents.stream()
                    .filter(event -> event.position() <= bound).toList();
            events += recorded.size();
            List<Mismatch> found = new ArrayList<>(compare(debtId, recorded, view, reads.timeline(debtId)));
            QueueReconciliation.difference(queue, debtEvents, head)
                    .ifPresent(difference -> found.add(new Mismatch(debtId, "advisor_queue", difference)));
            QueueReconciliation.changesDifference(debtId, queueChanges, debtEvents, head)
                    .ifPresent(difference -> found.add(new Mismatch(debtId, "advisor_queue", difference)));
            PortfolioReconciliation.difference(portfolio, debtEvents, head)
                    .ifPresent(difference -> found.add(new Mismatch(debtId, "portfolio", difference)));
            RemittanceReconciliation.difference(remittance, debtEvents, head)
                    .ifPresent(difference -> found.add(new Mismatch(debtId, "remittance", difference)));
            for (Mismatch mismatch : found) {
                count++;
                if (mismatches.size() < MISMATCHES_SHOWN) {
                    mismatches.add(mismatch);
                }
            }
        }
        return new Report(head, debts.size(), events, count, List.copyOf(mismatches), count == 0);
    }

    private static List<Mismatch> compare(String debtId, List<HistoryReplay.Recorded> events, Optional<DebtView> view,
                                          List<DebtReads.TimelineEntry> timeline) {
        List<Mismatch> found = new ArrayList<>();
        DebtView folded = null;
        String foldFailure = null;
        try {
            for (HistoryReplay.Recorded event : events) {
                folded = DebtViewFold.apply(folded, event.event(), event.sequenceNumber(), event.position());
            }
        } catch (RuntimeException e) {
            foldFailure = e.getMessage();
        }
        if (foldFailure != null) {
            found.add(new Mismatch(debtId, "debt_view", "the events cannot be folded: " + foldFailure));
        } else if (view.isEmpty()) {
            found.add(new Mismatch(debtId, "debt_view", "no view for a debt with " + events.size() + " events"));
        } else if (!ReadModelJson.write(view.get()).equals(ReadModelJson.write(folded))) {
            found.add(new Mismatch(debtId, "debt_view", "the view at sequence " + view.get().sequenceNumber()
                    + " differs from the fold of the events through sequence " + folded.sequenceNumber()));
        }
        List<String> expected = events.stream().map(event -> event.sequenceNumber() + "@" + event.position()).toList();
        List<String> listed = timeline.stream().filter(entry -> entry.position() <= events.get(events.size() - 1).position())
                .map(entry -> entry.sequenceNumber() + "@" + entry.position()).toList();
        if (!listed.equals(expected)) {
            int first = 0;
            while (first < Math.min(listed.size(), expected.size()) && listed.get(first).equals(expected.get(first))) {
                first++;
            }
            found.add(new Mismatch(debtId, "audit_timeline", "lists " + listed.size() + " events, the store holds "
                    + expected.size() + "; first difference (sequence@position): "
                    + (first < listed.size() ? listed.get(first) : "none") + " listed, "
                    + (first < expected.size() ? expected.get(first) : "none") + " stored"));
        }
        return found;
    }
}
