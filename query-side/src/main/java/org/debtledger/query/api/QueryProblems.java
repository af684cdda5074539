package org.debtledger.query.api;

import org.debtledger.edge.DatabaseOutage;
import org.debtledger.edge.EdgeProblemAnswers;
import org.debtledger.edge.ProblemCatalogue;
import org.debtledger.edge.ProblemType;
import org.debtledger.edge.Problems;
import org.debtledger.interest.ReferenceRates;
import org.debtledger.query.personal.DebtorKeyWrapping;
import org.debtledger.query.projection.ReadPositions;
import org.debtledger.query.stream.TooManySubscribers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * The query API's refusals as problem+json: 400 malformed, 403 not yours, 404 unknown, 410 erased, 413 too large,
 * 415 a body of a type not read, 422 a rule refused it, 500 a debtor's key the configured key-encryption key does not
 * unwrap, 503 not fresh yet. Never a stack trace or SQL.
 */
@RestControllerAdvice(basePackages = "org.debtledger.query")
public class QueryProblems extends EdgeProblemAnswers {

    private static final Logger log = LoggerFactory.getLogger(QueryProblems.class);

    public static final ProblemType NOT_FRESH_ENOUGH =
            new ProblemType(HttpStatus.SERVICE_UNAVAILABLE, "not-fresh-enough", "Read model not fresh enough");
    public static final ProblemType TOO_MANY_SUBSCRIBERS =
            new ProblemType(HttpStatus.SERVICE_UNAVAILABLE, "too-many-subscribers", "Too many subscribers");
    public static final ProblemType ERASED = new ProblemType(HttpStatus.GONE, "erased", "Erased");
    public static final ProblemType KEY_NOT_UNWRAPPED =
            new ProblemType(HttpStatus.INTERNAL_SERVER_ERROR, "key-not-unwrapped", "Personal data unreadable");
    public static final ProblemType REBUILD_NOT_STARTED =
            new ProblemType(HttpStatus.CONFLICT, "rebuild-running", "Rebuild not started");
    public static final ProblemType REBUILD_SEGMENTS_NOT_FREE =
            new ProblemType(HttpStatus.CONFLICT, "rebuild-segments-not-free", "Rebuild given up");
    public static final ProblemType ACCESS_CODE_REFUSED =
            new ProblemType(HttpStatus.UNAUTHORIZED, "access-code-refused", "Access code refused");
    public static final ProblemType ACCESS_CODE_EXPIRED =
            new ProblemType(HttpStatus.UNAUTHORIZED, "access-code-expired", "Access code expired");

    /** The query side's refusals and rules, for the API's description. */
    public static ProblemCatalogue catalogue() {
        return new ProblemCatalogue(List.of(NOT_FRESH_ENOUGH, TOO_MANY_SUBSCRIBERS, ERASED, KEY_NOT_UNWRAPPED,
                REBUILD_NOT_STARTED, REBUILD_SEGMENTS_NOT_FREE, ACCESS_CODE_REFUSED, ACCESS_CODE_EXPIRED), ProblemCatalogue.ruleNames(Rule.class));
    }

    /** The rules the query side refuses by, by name. */
    public enum Rule {
        /** A contact's note says what was said: not empty. */
        CONTACT_NOTE_EMPTY,
        /** A contact's note is at most 1,000 characters. */
        CONTACT_NOTE_TOO_LONG,
        /** A debtor's data is erased only once none of their debts is open. */
        ERASURE_WHILE_DEBT_OPEN,
        /** A remittance is asked for a period of at most a year. */
        REMITTANCE_PERIOD_TOO_LONG,
        /** A day with no known reference rate gets no interest guessed for it. */
        REFERENCE_RATE_UNKNOWN
    }

    @ExceptionHandler(ReadPositions.NotFreshEnough.class)
    ResponseEntity<ProblemDetail> notFresh(ReadPositions.NotFreshEnough e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(NOT_FRESH_ENOUGH.with(e.getMessage()));
    }

    @ExceptionHandler(TooManySubscribers.class)
    ResponseEntity<ProblemDetail> tooMany(TooManySubscribers e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(TOO_MANY_SUBSCRIBERS.with(e.getMessage()));
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return Problems.NOT_FOUND.with(e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail malformed(IllegalArgumentException e) {
        return Problems.MALFORMED_REQUEST.with(e.getMessage());
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden e) {
        return Problems.FORBIDDEN.with(e.getMessage());
    }

    @ExceptionHandler(Gone.class)
    ProblemDetail gone(Gone e) {
        return ERASED.with(e.getMessage());
    }

    @ExceptionHandler(RuleRefused.class)
    ProblemDetail refused(RuleRefused e) {
        return Problems.refusedByRule(e.rule.name(), e.getMessage());
    }

    @ExceptionHandler(ReferenceRates.NoReferenceRate.class)
    ProblemDetail noRate(ReferenceRates.NoReferenceRate e) {
        return Problems.refusedByRule(Rule.REFERENCE_RATE_UNKNOWN.name(), e.getMessage());
    }

    /** A wrong or changed key-encryption key: the data is there, this process cannot open it. */
    @ExceptionHandler(DebtorKeyWrapping.KeyNotUnwrapped.class)
    ProblemDetail keyNotUnwrapped(DebtorKeyWrapping.KeyNotUnwrapped e) {
        log.error("personal data unreadable: {}", e.getMessage());
        return KEY_NOT_UNWRAPPED.with("the debtor's key does not unwrap with the key-encryption key configured");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.causes(e)) {
            log.warn("database out of reach: {}", e.getClass().getName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                    .body(Problems.DATABASE_UNAVAILABLE.with(
                            "the ledger's database is out of reach; ask again shortly"));
        }
        log.error("query failed unexpectedly: {}", e.getClass().getName());
        return ResponseEntity.internalServerError().body(Problems.INTERNAL_ERROR.with(
                "the ledger could not answer the query"));
    }

    /** The caller may not see this: another creditor's debt, or another creditor's events. */
    public static class Forbidden extends RuntimeException {
        public Forbidden(String detail) {
            super(detail);
        }
    }

    /** The data was there and was erased. */
    public static class Gone extends RuntimeException {
        public Gone(String detail) {
            super(detail);
        }
    }

    /** A rule of the query side refused a request; the rule is named. */
    public static class RuleRefused extends RuntimeException {
        final Rule rule;

        public RuleRefused(Rule rule, String detail) {
            super(detail);
            this.rule = rule;
        }
    }

    /** Nothing is known under the id asked for. */
    public static class NotFound extends RuntimeException {
        public NotFound(String detail) {
            super(detail);
        }
    }
}
