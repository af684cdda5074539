package org.debtledger.command.rates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.debtledger.command.api.InvalidRequest;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.edge.Caller;
import org.debtledger.edge.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

import static org.debtledger.command.api.InvalidRequest.required;
import static org.debtledger.command.api.InvalidRequest.requiredText;

/** The reference rates of late interest: staff read them, an operator adds the next half year's or corrects one. */
@RestController
class ReferenceRateController {

    /** A plain decimal, sign allowed so that a negative rate is refused by its rule rather than as malformed. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,20}(\\.\\d{1,20})?");

    private final StoredReferenceRates stored;
    private final ReferenceRateChanges changes;

    ReferenceRateController(StoredReferenceRates stored, ReferenceRateChanges changes) {
        this.stored = stored;
        this.changes = changes;
    }

    @Operation(summary = "A jurisdiction's reference rates by half year")
    @GetMapping("/api/v1/reference-rates/{jurisdiction}")
    ReferenceRateView rates(@PathVariable Jurisdiction jurisdiction) {
        return ReferenceRateView.of(jurisdiction, stored.everyValue(jurisdiction));
    }

    /** {@code referenceRate} in percent, such as {@code "2.50"}; {@code source} where it is published. */
    @Schema(example = """
            {"until": "2025-12-31", "referenceRate": "2.15", "source": "ECB main refinancing rate"}""")
    record RateRequest(LocalDate until, String referenceRate, String source) {
    }

    /** Adds the period that follows the last one (201), or gives a period a new rate or source (200). */
    @Operation(summary = "Add or correct a half year's reference rate")
    @PutMapping("/api/v1/reference-rates/{jurisdiction}/{periodStart}")
    ResponseEntity<ReferenceRateView.PeriodView> put(@PathVariable Jurisdiction jurisdiction,
                                                     @PathVariable LocalDate periodStart, @RequestBody RateRequest body) {
        LocalDate until = required(body.until(), "until");
        String rate = required(body.referenceRate(), "referenceRate");
        if (!PLAIN_DECIMAL.matcher(rate).matches()) {
            throw new InvalidRequest("referenceRate must be a plain decimal in percent, such as 2.50");
        }
        String source = requiredText(body.source(), "source", 500);
        ReferenceRateChanges.Outcome outcome = changes.record(new ReferenceRateChanges.Change(jurisdiction, periodStart,
                until, new BigDecimal(rate), source, Caller.current().id()));
        ReferenceRateView.PeriodView period = rates(jurisdiction).periods().stream()
                .filter(shown -> shown.periodStart().equals(periodStart)).findFirst().orElseThrow();
        return ResponseEntity.status(outcome == ReferenceRateChanges.Outcome.ADDED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(period);
    }

    @ExceptionHandler(RateRefused.class)
    ProblemDetail refused(RateRefused refused) {
        return Problems.refusedByRule(refused.rule().name(), refused.getMessage());
    }
}
