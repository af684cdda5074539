package org.debtledger.query.search;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.edge.Caller;
import org.debtledger.edge.Purpose;
import org.debtledger.money.Money;
import org.debtledger.query.access.AccessLog;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ReadPositions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Finds a debtor's debts without their id, for an advisor on the phone: by debt id, debtor id, invoice reference,
 * creditor id, RF creditor reference or the debtor's name, each matched exactly. A creditor finds only its own
 * debts. Every debt an answer shows is a read of its debtor's data, and goes to the access log.
 */
@RestController
class SearchController {

    private final DebtSearch search;
    private final ReadPositions positions;
    private final AccessLog accessLog;

    SearchController(DebtSearch search, ReadPositions positions, AccessLog accessLog) {
        this.search = search;
        this.positions = positions;
        this.accessLog = accessLog;
    }

    record Match(String debtId, String debtorId, String creditorId, String invoiceReference, String status,
                 Money total, DebtSearch.MatchedOn matchedOn) {
    }

    record Answer(String query, List<Match> matches, int page, int size, boolean more) {
    }

    @Operation(summary = "Find debts by id, reference, creditor or the debtor's name")
    @GetMapping("/api/v1/search")
    ResponseEntity<Answer> search(@RequestParam String q, @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size,
                                  @RequestParam(required = false) Long minPosition, HttpServletRequest request) {
        Purpose purpose = Purpose.of(request);
        String text = q.strip();
        if (text.isEmpty() || text.length() > 100) {
            throw new IllegalArgumentException("q must be 1 to 100 characters");
        }
        if (size < 1 || size > 50) {
            throw new IllegalArgumentException("size must be 1 to 50");
        }
        if (page < 0 || page > 1000) {
            throw new IllegalArgumentException("page must be 0 to 1000");
        }
        long reached = positions.awaitAtLeast(ProcessingGroups.DEBTS, minPosition);
        Caller caller = Caller.current();
        // one more than a page tells whether another follows
        List<DebtSearch.Found> found = search.find(text, caller.seesOnlyOwnCreditor(), caller.creditorId(),
                page * size, size + 1);
        List<Match> matches = found.stream().limit(size)
                .map(hit -> new Match(hit.view().debtId(), hit.view().debtorId(), hit.view().creditorId(),
                        hit.view().invoiceReference(), hit.view().status().name(), hit.view().outstanding().total(),
                        hit.matchedOn()))
                .toList();
        accessLog.record(request, purpose,
                matches.stream().map(match -> new AccessLog.Read(match.debtorId(), match.debtId())).toList());
        return ResponseEntity.ok().header("X-Read-Position", Long.toString(reached))
                .body(new Answer(text, matches, page, size, found.size() > size));
    }
}
