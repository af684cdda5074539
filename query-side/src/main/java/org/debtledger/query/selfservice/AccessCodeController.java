package org.debtledger.query.selfservice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.debtledger.edge.Caller;
import org.debtledger.edge.Problems;
import org.debtledger.edge.SignInThrottle;
import org.debtledger.query.api.QueryProblems;
import org.debtledger.query.api.QueryProblems.NotFound;
import org.debtledger.query.debt.DebtReads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Access codes for self-service: an advisor or a letter run issues one for a debtor, to be printed beside the
 * debtor's reference; the self-service sign-in checks a reference and a code and says whose debts they open.
 * Guessing is slowed per reference, as for staff passwords. Not per address: every person signing in through the
 * portal reaches this endpoint from the portal's address, so the portal slows guessing per the person's own address.
 */
@RestController
class AccessCodeController {

    private final AccessCodes codes;
    private final DebtReads debts;
    /** Its own counts: a sign-in page in front of this endpoint may count the same failures for itself. */
    private final SignInThrottle throttle = new SignInThrottle();

    AccessCodeController(AccessCodes codes, DebtReads debts) {
        this.codes = codes;
        this.debts = debts;
    }

    @Operation(summary = "Issue a self-service access code for a debtor")
    @PostMapping("/api/v1/debtors/{debtorId}/access-codes")
    ResponseEntity<AccessCodes.Issued> issue(@PathVariable String debtorId) {
        if (debts.viewsOfDebtor(debtorId).isEmpty()) {
            throw new NotFound("no debt of debtor " + debtorId + " is known");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(codes.issue(debtorId, Caller.current().id()));
    }

    @Schema(example = """
            {"reference": "debtor-42", "code": "AAAA-BBBB-CCCC"}""")
    record SignIn(String reference, String code) {
    }

    record SignedIn(String debtorId) {
    }

    @Operation(summary = "Check a reference and an access code")
    @PostMapping("/api/v1/self-service/sign-in")
    ResponseEntity<?> signIn(@RequestBody SignIn body) {
        String reference = bounded(body.reference(), "reference", 100);
        String code = bounded(body.code(), "code", 40);
        long wait = throttle.secondsToWait(reference, null);
        if (wait > 0) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(wait))
                    .body(Problems.TOO_MANY_FAILED_SIGN_INS.with(
                            "too many sign-ins failed for this reference; try again in " + wait + " s"));
        }
        AccessCodes.Check check = codes.check(reference, code);
        if (check == AccessCodes.Check.ACCEPTED) {
            throttle.succeeded(reference);
            return ResponseEntity.ok(new SignedIn(reference));
        }
        throttle.failed(reference, null);
        ProblemDetail refused = check == AccessCodes.Check.EXPIRED
                ? QueryProblems.ACCESS_CODE_EXPIRED.with("the access code has expired; a new one can be asked for")
                : QueryProblems.ACCESS_CODE_REFUSED.with("the reference and the access code do not match a current code");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(refused);
    }

    private static String bounded(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
        return value.trim();
    }
}
