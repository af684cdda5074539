package org.debtledger.query.api;

import org.debtledger.edge.DatabaseOutage;
import org.debtledger.edge.EdgeProblemAnswers;
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

import static org.debtledger.edge.Problems.problem;

/**
 * The query API's refusals as problem+json: 400 malformed, 403 not yours, 404 unknown, 410 erased, 413 too large,
 * 415 a body of a type not read, 422 a rule refused it, 500 a debtor's key the configured key-encryption key does not
 * unwrap, 503 not fresh yet. Never a stack trace or SQL.
 */
@RestControllerAdvice(basePackages = "org.debtledger.query")
public class QueryProblems extends EdgeProblemAnswers {

    private static final Logger log = LoggerFactory.getLogger(QueryProblems.class);

    @ExceptionHandler(ReadPositions.NotFreshEnough.class)
    ResponseEntity<ProblemDetail> notFresh(ReadPositions.NotFreshEnough e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "not-fresh-enough", "Read model not fresh enough",
                        e.getMessage()));
    }

    @ExceptionHandler(TooManySubscribers.class)
    ResponseEntity<ProblemDetail> tooMany(TooManySubscribers e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "too-many-subscribers", "Too many subscribers",
                        e.getMessage()));
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail malformed(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", e.getMessage());
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your role", e.getMessage());
    }

    @ExceptionHandler(Gone.class)
    ProblemDetail gone(Gone e) {
        return problem(HttpStatus.GONE, "erased", "Erased", e.getMessage());
    }

    @ExceptionHandler(RuleRefused.class)
    ProblemDetail refused(RuleRefused e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule:" + e.rule, "Refused by rule " + e.rule,
                e.getMessage());
        problem.setProperty("rule", e.rule);
        return problem;
    }

    @ExceptionHandler(ReferenceRates.NoReferenceRate.class)
    ProblemDetail noRate(ReferenceRates.NoReferenceRate e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule:REFERENCE_RATE_UNKNOWN",
                "Refused by rule REFERENCE_RATE_UNKNOWN", e.getMessage());
        problem.setProperty("rule", "REFERENCE_RATE_UNKNOWN");
        return problem;
    }

    /** A wrong or changed key-encryption key: the data is there, this process cannot open it. */
    @ExceptionHandler(DebtorKeyWrapping.KeyNotUnwrapped.class)
    ProblemDetail keyNotUnwrapped(DebtorKeyWrapping.KeyNotUnwrapped e) {
        log.error("personal data unreadable: {}", e.getMessage());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "key-not-unwrapped", "Personal data unreadable",
                "the debtor's key does not unwrap with the key-encryption key configured");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.causes(e)) {
            log.warn("database out of reach: {}", e.getClass().getName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                            "the ledger's database is out of reach; ask again shortly"));
        }
        log.error("query failed unexpectedly: {}", e.getClass().getName());
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "the ledger could not answer the query"));
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
        final String rule;

        public RuleRefused(String rule, String detail) {
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
