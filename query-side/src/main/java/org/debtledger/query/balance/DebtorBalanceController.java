package org.debtledger.query.balance;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.edge.Caller;
import org.debtledger.edge.Purpose;
import org.debtledger.money.Money;
import org.debtledger.query.access.AccessLog;
import org.debtledger.query.api.QueryProblems.NotFound;
import org.debtledger.query.debt.DebtReads;
import org.debtledger.query.debt.DebtView;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ReadPositions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a debtor owes (to a creditor asking: only its own debts), per debt and in total (per currency); with
 * {@code payoffDate}, what settles everything on that date ({@link Payoffs}).
 */
@RestController
class DebtorBalanceController {

    private final DebtReads reads;
    private final ReadPositions positions;
    private final AccessLog accessLog;
    private final Payoffs payoffs;

    DebtorBalanceController(DebtReads reads, ReadPositions positions, AccessLog accessLog, Payoffs payoffs) {
        this.reads = reads;
        this.positions = positions;
        this.accessLog = accessLog;
        this.payoffs = payoffs;
    }

    record Line(String debtId, String creditorId, String invoiceReference, InvoicePeriod invoicePeriod,
                String description, String status, DebtView.Outstanding outstanding, Money credit, Money payoff) {
    }

    record Total(Money outstanding, Money credit, Money payoff) {
    }

    record Balance(String debtorId, LocalDate payoffDate, List<Line> debts, List<Total> totals) {
    }

    @Operation(summary = "What a debtor owes over all their debts, and the payoff on a date")
    @GetMapping("/api/v1/debtors/{debtorId}/balance")
    ResponseEntity<Balance> balance(@PathVariable String debtorId, @RequestParam(required = false) LocalDate payoffDate,
                                    @RequestParam(required = false) Long minPosition, HttpServletRequest request) {
        Purpose purpose = Purpose.of(request);
        long reached = positions.awaitAtLeast(ProcessingGroups.DEBTS, minPosition);
        Caller caller = Caller.current();
        List<DebtView> views = reads.viewsOfDebtor(debtorId).stream()
                .filter(view -> caller.maySee(view.creditorId())).toList();
        if (views.isEmpty()) {
            throw new NotFound("no debts of debtor " + debtorId + " are known");
        }
        List<Line> lines = new ArrayList<>();
        Map<Currency, Total> totals = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
        for (DebtView view : views) {
            Money payoff = payoffDate == null ? null : payoffs.on(view, payoffDate);
            lines.add(new Line(view.debtId(), view.creditorId(), view.invoiceReference(), view.invoicePeriod(),
                    view.description(), view.status().name(), view.outstanding(), view.credit(), payoff));
            Money zero = Money.zero(view.credit().currency());
            totals.merge(view.credit().currency(),
                    new Total(view.outstanding().total(), view.credit(), payoff == null ? null : payoff),
                    (a, b) -> new Total(a.outstanding().plus(b.outstanding()), a.credit().plus(b.credit()),
                            a.payoff() == null ? null : a.payoff().plus(b.payoff() == null ? zero : b.payoff())));
        }
        accessLog.record(request, purpose, debtorId, null);
        return ResponseEntity.ok().header("X-Read-Position", Long.toString(reached))
                .body(new Balance(debtorId, payoffDate, lines, List.copyOf(totals.values())));
    }
}
