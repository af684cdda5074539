package org.debtledger.query.debt;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.edge.Caller;
import org.debtledger.edge.Purpose;
import org.debtledger.money.Money;
import org.debtledger.query.access.AccessLog;
import org.debtledger.query.api.QueryProblems.NotFound;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ReadPositions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The debt view, its audit timeline, and its history replayed from the event store: as recorded by an instant
 * ({@code asOf}, {@code from} and {@code to}), or at the end of a business date ({@code businessDate},
 * {@code fromBusinessDate} and {@code toBusinessDate}) from all known now or from what was known at an instant
 * ({@code knownAt}). Every answer carries the position its read model has reached in {@code X-Read-Position};
 * {@code minPosition} waits for a fresher one.
 */
@RestController
class DebtQueryController {

    static final String READ_POSITION = "X-Read-Position";

    private final DebtReads reads;
    private final HistoryReplay replay;
    private final ReadPositions positions;
    private final AccessLog accessLog;
    private final JsonMapper json;

    DebtQueryController(DebtReads reads, HistoryReplay replay, ReadPositions positions, AccessLog accessLog,
                        JsonMapper json) {
        this.reads = reads;
        this.replay = replay;
        this.positions = positions;
        this.accessLog = accessLog;
        this.json = json;
    }

    /**
     * The debt view. When some of the debt's events wait in the dead-letter queue the view is behind them: the
     * answer says so in {@code X-Dead-Letters}, and a read that asked for a position is refused rather than stale.
     */
    @Operation(summary = "A debt as it stands")
    @GetMapping("/api/v1/debts/{debtId}")
    ResponseEntity<DebtView> debt(@PathVariable String debtId, @RequestParam(required = false) Long minPosition,
                                  HttpServletRequest request) {
        Purpose purpose = Purpose.of(request);
        long reached = positions.awaitAtLeast(ProcessingGroups.DEBTS, minPosition);
        DebtReads.ViewRead read = reads.viewRead(debtId)
                .orElseThrow(() -> new NotFound("no debt " + debtId + " is known"));
        DebtView view = read.view();
        if (!Caller.current().maySee(view.creditorId())) {
            // another creditor's debt is as unknown to a creditor as one that does not exist
            throw new NotFound("no debt " + debtId + " is known");
        }
        long deadLetters = read.deadLetters();
        if (deadLetters > 0 && minPosition != null && view.position() < minPosition) {
            throw new ReadPositions.NotFreshEnough(minPosition, view.position());
        }
        accessLog.record(request, purpose, view.debtorId(), debtId);
        return ResponseEntity.ok().header(READ_POSITION, Long.toString(reached))
                .header("X-Dead-Letters", Long.toString(deadLetters)).body(view);
    }

    record Timeline(String debtId, List<DebtReads.TimelineEntry> entries) {
    }

    record AsOf(String debtId, Instant asOf, DebtView state, List<HistoryReplay.UsedEvent> events) {
    }

    record Changes(String debtId, Instant from, Instant to, DebtView before, DebtView after,
                   List<HistoryReplay.UsedEvent> events, List<FieldDifferences.Difference> differences) {
    }

    record OnBusinessDate(String debtId, LocalDate businessDate, Instant knownAt, DebtView state,
                          Money interestAccruedNotPosted, List<BusinessDateFold.UsedFact> facts,
                          List<HistoryReplay.UsedEvent> events) {

        static OnBusinessDate of(String debtId, Instant knownAt, BusinessDateFold.State state) {
            return new OnBusinessDate(debtId, state.businessDate(), knownAt, state.state(),
                    state.interestAccruedNotPosted(), state.facts(), state.events());
        }
    }

    record BusinessDateChanges(String debtId, LocalDate fromBusinessDate, LocalDate toBusinessDate, Instant knownAt,
                               OnBusinessDate before, OnBusinessDate after,
                               List<FieldDifferences.Difference> differences) {
    }

    @Operation(summary = "A debt's history, or the debt as it stood at a moment")
    @GetMapping("/api/v1/debts/{debtId}/history")
    ResponseEntity<?> history(@PathVariable String debtId, @RequestParam(required = false) Instant asOf,
                              @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                              @RequestParam(required = false) LocalDate businessDate,
                              @RequestParam(required = false) LocalDate fromBusinessDate,
                              @RequestParam(required = false) LocalDate toBusinessDate,
                              @RequestParam(required = false) Instant knownAt,
                              @RequestParam(required = false) Long minPosition, HttpServletRequest request) {
        Purpose purpose = Purpose.of(request);
        boolean byRecordedTime = asOf != null || from != null || to != null;
        boolean byBusinessDate = businessDate != null || fromBusinessDate != null || toBusinessDate != null;
        if (byRecordedTime && byBusinessDate) {
            throw new IllegalArgumentException("ask by recorded time (asOf, or from and to) or by business date"
                    + " (businessDate, or fromBusinessDate and toBusinessDate), not both");
        }
        if (knownAt != null && !byBusinessDate) {
            throw new IllegalArgumentException("knownAt goes with businessDate, or with fromBusinessDate and"
                    + " toBusinessDate; asOf alone says what was recorded by an instant");
        }
        if (byRecordedTime || byBusinessDate) {
            List<HistoryReplay.Recorded> events = replay.events(debtId);
            if (events.isEmpty()) {
                throw new NotFound("no debt " + debtId + " is known");
            }
            Object replayed = byBusinessDate
                    ? onBusinessDates(debtId, events, businessDate, fromBusinessDate, toBusinessDate, knownAt)
                    : replayed(debtId, events, asOf, from, to);
            accessLog.record(request, purpose, replay.asOf(events.subList(0, 1), Instant.MAX).state().debtorId(), debtId);
            return ResponseEntity.ok().header(READ_POSITION, Long.toString(reads.storeHead())).body(replayed);
        }
        long reached = positions.awaitAtLeast(ProcessingGroups.DEBTS, minPosition);
        List<DebtReads.TimelineEntry> entries = reads.timeline(debtId);
        if (entries.isEmpty()) {
            throw new NotFound("no debt " + debtId + " is known");
        }
        accessLog.record(request, purpose, reads.view(debtId).map(DebtView::debtorId).orElse(null), debtId);
        return ResponseEntity.ok().header(READ_POSITION, Long.toString(reached)).body(new Timeline(debtId, entries));
    }

    /** At the end of one business date, or two and what differs between them, field by field. */
    private Object onBusinessDates(String debtId, List<HistoryReplay.Recorded> events, LocalDate businessDate,
                                   LocalDate fromBusinessDate, LocalDate toBusinessDate, Instant knownAt) {
        if (businessDate != null) {
            if (fromBusinessDate != null || toBusinessDate != null) {
                throw new IllegalArgumentException("ask either businessDate, or fromBusinessDate and toBusinessDate");
            }
            return OnBusinessDate.of(debtId, knownAt, replay.onBusinessDate(events, businessDate, knownAt));
        }
        if (fromBusinessDate == null || toBusinessDate == null || toBusinessDate.isBefore(fromBusinessDate)) {
            throw new IllegalArgumentException("fromBusinessDate and toBusinessDate go together, from not after to");
        }
        OnBusinessDate before = OnBusinessDate.of(debtId, knownAt,
                replay.onBusinessDate(events, fromBusinessDate, knownAt));
        OnBusinessDate after = OnBusinessDate.of(debtId, knownAt,
                replay.onBusinessDate(events, toBusinessDate, knownAt));
        List<FieldDifferences.Difference> differences = new ArrayList<>(FieldDifferences.between("/state",
                json.valueToTree(before.state()), json.valueToTree(after.state())));
        differences.addAll(FieldDifferences.between("/interestAccruedNotPosted",
                json.valueToTree(before.interestAccruedNotPosted()), json.valueToTree(after.interestAccruedNotPosted())));
        return new BusinessDateChanges(debtId, fromBusinessDate, toBusinessDate, knownAt, before, after,
                List.copyOf(differences));
    }

    /** Straight from the event store: as fresh as the store itself, whose head the answer carries. */
    private Object replayed(String debtId, List<HistoryReplay.Recorded> events, Instant asOf, Instant from,
                            Instant to) {
        if (asOf != null) {
            if (from != null || to != null) {
                throw new IllegalArgumentException("ask either asOf, or from and to");
            }
            HistoryReplay.State state = replay.asOf(events, asOf);
            return new AsOf(debtId, asOf, state.state(), state.events());
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("from and to go together, from not after to");
        }
        HistoryReplay.State before = replay.asOf(events, from);
        HistoryReplay.State after = replay.asOf(events, to);
        List<HistoryReplay.UsedEvent> between = after.events().subList(before.events().size(), after.events().size());
        return new Changes(debtId, from, to, before.state(), after.state(), List.copyOf(between),
                FieldDifferences.between("", json.valueToTree(before.state()), json.valueToTree(after.state())));
    }
}
