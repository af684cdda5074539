package org.debtledger.query.personal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.debt.DebtStatus;
import org.debtledger.edge.Caller;
import org.debtledger.edge.Purpose;
import org.debtledger.query.access.AccessLog;
import org.debtledger.query.api.QueryProblems;
import org.debtledger.query.api.QueryProblems.NotFound;
import org.debtledger.query.api.QueryProblems.RuleRefused;
import org.debtledger.query.debt.DebtReads;
import org.debtledger.query.debt.DebtView;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ReadPositions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * A debtor's personal data, kept apart from the ledger's events: an advisor records it, advisors and compliance
 * read it (each read goes to the access log), compliance erases it when the law allows, which is when none of
 * the debtor's debts is still open.
 */
@RestController
class PersonalDataController {

    private final PersonalDataStore store;
    private final AccessLog accessLog;
    private final DebtReads debts;
    private final ReadPositions positions;

    PersonalDataController(PersonalDataStore store, AccessLog accessLog, DebtReads debts, ReadPositions positions) {
        this.store = store;
        this.accessLog = accessLog;
        this.debts = debts;
        this.positions = positions;
    }

    record Stored(String debtorId, PersonalData data, Instant updatedAt, String updatedBy) {
    }

    @Operation(summary = "Keep a debtor's personal data")
    @PutMapping("/api/v1/debtors/{debtorId}/personal-data")
    ResponseEntity<Void> put(@PathVariable String debtorId, @RequestBody PersonalData data) {
        store.put(debtorId(debtorId), data, Caller.current().id());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Read a debtor's personal data")
    @GetMapping("/api/v1/debtors/{debtorId}/personal-data")
    Stored get(@PathVariable String debtorId, HttpServletRequest request) {
        Purpose purpose = Purpose.of(request);
        PersonalDataStore.Found found = store.get(debtorId(debtorId))
                .orElseThrow(() -> new NotFound("no personal data of debtor " + debtorId + " is kept"));
        if (found instanceof PersonalDataStore.Erased erased) {
            throw new QueryProblems.Gone("the personal data of debtor " + debtorId + " was erased at " + erased.erasedAt());
        }
        PersonalDataStore.Readable readable = (PersonalDataStore.Readable) found;
        accessLog.record(request, purpose, debtorId, null);
        return new Stored(debtorId, readable.data(), readable.updatedAt(), readable.updatedBy());
    }

    @Schema(example = """
            {"reason": "the debtor asked"}""")
    record ErasureRequest(String reason) {
    }

    record Erasure(String debtorId, boolean keyDestroyed) {
    }

    @Operation(summary = "Erase a debtor's personal data")
    @PostMapping("/api/v1/debtors/{debtorId}/erasure")
    Erasure erase(@PathVariable String debtorId, @RequestBody ErasureRequest body) {
        String reason = body.reason();
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new IllegalArgumentException("reason must be 1 to 500 characters");
        }
        // the debt view must have caught up with every debt registered so far before it can say none is open
        positions.awaitAtLeast(ProcessingGroups.DEBTS, debts.storeHead());
        for (DebtView debt : debts.viewsOfDebtor(debtorId(debtorId))) {
            if (debt.status() == DebtStatus.OPEN) {
                throw new RuleRefused(QueryProblems.Rule.ERASURE_WHILE_DEBT_OPEN, "debt " + debt.debtId()
                        + " of debtor " + debtorId + " is still open: its collection needs the debtor's data");
            }
        }
        return new Erasure(debtorId, store.erase(debtorId, reason, Caller.current().id()));
    }

    private static String debtorId(String debtorId) {
        if (debtorId.isBlank() || debtorId.length() > 100) {
            throw new IllegalArgumentException("debtorId must be 1 to 100 characters");
        }
        return debtorId;
    }
}
