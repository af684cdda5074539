package org.debtledger.query.selfservice;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtStatus;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.edge.Caller;
import org.debtledger.edge.Purpose;
import org.debtledger.interest.ReferenceRates;
import org.debtledger.money.Money;
import org.debtledger.pause.PauseReason;
import org.debtledger.query.access.AccessLog;
import org.debtledger.query.api.QueryProblems.NotFound;
import org.debtledger.query.balance.Payoffs;
import org.debtledger.query.debt.DebtReads;
import org.debtledger.query.debt.DebtView;
import org.debtledger.query.debt.HistoryReplay;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ReadPositions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A debtor's own debts, through self-service: the list (from the debt view, waiting for {@code minPosition}), one
 * debt with its payments, plan and how to pay it, and the statement of the claim the law gives them; the last two
 * straight from the event store, as fresh as the store's head they answer with. A debt that is not the caller's is
 * answered exactly as one that does not exist, and is not logged: nothing of it was read. Only what the debtor may
 * know is shown: never who handles the case, nor anything the creditor keeps for itself.
 */
@RestController
class SelfServiceDebtsController {

    static final String READ_POSITION = "X-Read-Position";
    /** The most debts one answer lists; the next are asked for {@code after} the last one's id. */
    static final int MAX_DEBTS = 500;

    private final DebtReads reads;
    private final HistoryReplay replay;
    private final ReadPositions positions;
    private final AccessLog accessLog;
    private final PaymentInstructions instructions;
    private final Payoffs payoffs;
    private final Clock clock;

    SelfServiceDebtsController(DebtReads reads, HistoryReplay replay, ReadPositions positions, AccessLog accessLog,
                               PaymentInstructions instructions, Payoffs payoffs, Clock clock) {
        this.reads = reads;
        this.replay = replay;
        this.positions = positions;
        this.accessLog = accessLog;
        this.instructions = instructions;
        this.payoffs = payoffs;
        this.clock = clock;
    }

    /** A debt as its debtor sees it in a list. {@code originalDueDate} is null unless the due date moved. */
    record DebtSummary(String debtId, String creditorId, String invoiceReference, InvoicePeriod invoicePeriod,
                       String description, LocalDate dueDate, LocalDate originalDueDate, DebtStatus status,
                       DebtView.Outstanding outstanding, boolean collectionPaused, boolean disputed,
                       DebtView.PlanStatus planStatus) {

        static DebtSummary of(DebtView view) {
            return new DebtSummary(view.debtId(), view.creditorId(), view.invoiceReference(), view.invoicePeriod(),
                    view.description(), view.dueDate(), originalDueDate(view), view.status(), view.outstanding(),
                    view.pause() != null, view.dispute() != null, view.plan() == null ? null : view.plan().status());
        }

        private static LocalDate originalDueDate(DebtView view) {
            LocalDate first = view.limitation() == null ? null : view.limitation().clock().firstDueDate();
            return first == null || first.equals(view.dueDate()) ? null : first;
        }
    }

    /** {@code more}: further debts follow the last one listed, asked for with {@code after} its id. */
    record Debts(List<DebtSummary> debts, boolean more) {
    }

    record Pause(PauseReason reason, LocalDate from, LocalDate until) {
    }

    /**
     * A debt with what was paid and when, its plan, the promises to pay made on it, any pause or dispute, and how to
     * pay it.
     */
    record DebtDetail(String debtId, String creditorId, String invoiceReference, InvoicePeriod invoicePeriod,
                      String description, LocalDate dueDate, LocalDate originalDueDate, DebtStatus status,
                      DebtView.Outstanding outstanding, Money paid, Money credit, LocalDate interestPostedThrough,
                      boolean collectionPaused, boolean disputed, DebtView.PlanStatus planStatus,
                      List<ClaimStatement.Payment> payments, DebtView.Plan plan, List<DebtView.Promise> promises,
                      Pause pause, DebtView.Dispute dispute, PaymentInstructions.HowToPay howToPay) {
    }

    /** How to pay the debt, and what settles it today when this half year's reference rate is known. */
    private PaymentInstructions.HowToPay howToPay(DebtView view) {
        LocalDate today = LocalDate.now(clock);
        Money settlesToday;
        try {
            settlesToday = payoffs.on(view, today);
        } catch (ReferenceRates.NoReferenceRate notYetRecorded) {
            settlesToday = null;
        }
        return instructions.of(view, today, settlesToday);
    }

    @Operation(summary = "The signed-in debtor's debts")
    @GetMapping("/api/v1/self-service/debts")
    ResponseEntity<Debts> debts(@RequestParam(required = false) String after,
                                @RequestParam(required = false) Long minPosition, HttpServletRequest request) {
        Purpose purpose = Purpose.selfService(request);
        if (after != null && (after.isBlank() || after.length() > 100)) {
            throw new IllegalArgumentException("after must be the id of the last debt listed, 1 to 100 characters");
        }
        long reached = positions.awaitAtLeast(ProcessingGroups.DEBTS, minPosition);
        List<DebtView> views = reads.viewsOfDebtors(Caller.current().debtorIds(), after, MAX_DEBTS + 1);
        List<DebtView> shown = views.subList(0, Math.min(views.size(), MAX_DEBTS));
        accessLog.record(request, purpose, shown.stream().map(DebtView::debtorId).distinct().sorted()
                .map(debtorId -> new AccessLog.Read(debtorId, null)).toList());
        return ResponseEntity.ok().header(READ_POSITION, Long.toString(reached))
                .body(new Debts(shown.stream().map(DebtSummary::of).toList(), views.size() > MAX_DEBTS));
    }

    @Operation(summary = "One of the signed-in debtor's debts")
    @GetMapping("/api/v1/self-service/debts/{debtId}")
    ResponseEntity<DebtDetail> debt(@PathVariable String debtId, @RequestParam(required = false) Long minPosition,
                                    HttpServletRequest request) {
        Purpose purpose = Purpose.selfService(request);
        OwnDebt own = ownDebt(debtId, minPosition);
        DebtView view = replay.asOf(own.events(), Instant.MAX).state();
        ClaimStatement statement = ClaimStatementFold.of(own.events());
        DebtSummary summary = DebtSummary.of(view);
        DebtDetail detail = new DebtDetail(view.debtId(), view.creditorId(), view.invoiceReference(),
                view.invoicePeriod(), view.description(), view.dueDate(), summary.originalDueDate(), view.status(),
                view.outstanding(), view.paid(), view.credit(), view.interestAccruedThrough(),
                summary.collectionPaused(), summary.disputed(), summary.planStatus(), statement.payments(),
                view.plan(), view.promises(), view.pause() == null ? null
                : new Pause(view.pause().reason(), view.pause().from(), view.pause().until()),
                view.dispute(), howToPay(view));
        accessLog.record(request, purpose, view.debtorId(), debtId);
        return ResponseEntity.ok().header(READ_POSITION, Long.toString(own.head())).body(detail);
    }

    @Operation(summary = "A statement of the claim")
    @GetMapping("/api/v1/self-service/debts/{debtId}/statement")
    ResponseEntity<ClaimStatement> statement(@PathVariable String debtId,
                                             @RequestParam(required = false) Long minPosition,
                                             HttpServletRequest request) {
        Purpose purpose = Purpose.selfService(request);
        OwnDebt own = ownDebt(debtId, minPosition);
        ClaimStatement statement = ClaimStatementFold.of(own.events());
        accessLog.record(request, purpose, own.debtorId(), debtId);
        return ResponseEntity.ok().header(READ_POSITION, Long.toString(own.head())).body(statement);
    }

    /** The caller's own debt's events, read after the store's head, so they hold every event up to it. */
    private record OwnDebt(long head, String debtorId, List<HistoryReplay.Recorded> events) {
    }

    private OwnDebt ownDebt(String debtId, Long minPosition) {
        long head = reads.storeHead();
        if (minPosition != null && minPosition > head) {
            // the debt's events are read from the store itself: no wait brings one not stored yet
            throw new IllegalArgumentException("minPosition " + minPosition + " is beyond the newest event stored ("
                    + head + "); ask with the position a command answered with");
        }
        List<HistoryReplay.Recorded> events = replay.events(debtId);
        String debtorId = events.isEmpty() || !(events.get(0).event() instanceof DebtRegistered registered)
                ? null : registered.debtorId().value();
        if (!Caller.current().isDebtor(debtorId)) {
            // another person's debt is as unknown to a debtor as one that does not exist
            throw new NotFound("no debt " + debtId + " is known");
        }
        return new OwnDebt(head, debtorId, events);
    }
}
