package org.debtledger.query.api;

import org.debtledger.interest.ReferenceRates;
import org.debtledger.query.freshness.ReadPositions;
import org.debtledger.query.stream.TooManySubscribers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;

/** The query API's refusals as problem+json: 400 malformed, 404 unknown, 422 no rate known, 503 not fresh yet. */
@RestControllerAdvice(basePackages = "org.debtledger.query")
public class QueryProblems {

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

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail malformed(RuntimeException e) {
        String detail = e instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName() + " has the wrong form" : e.getMessage();
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
    }

    @ExceptionHandler(ReferenceRates.NoReferenceRate.class)
    ProblemDetail noRate(ReferenceRates.NoReferenceRate e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule:REFERENCE_RATE_UNKNOWN",
                "Refused by rule REFERENCE_RATE_UNKNOWN", e.getMessage());
        problem.setProperty("rule", "REFERENCE_RATE_UNKNOWN");
        return problem;
    }

    /** A stream's client went away, or the stream ended: nothing to answer, nobody to answer to. */
    @ExceptionHandler({AsyncRequestNotUsableException.class, AsyncRequestTimeoutException.class})
    void streamEnded() {
        // the connection is closed
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("query failed unexpectedly: {}", e.getClass().getName());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the ledger could not answer the query");
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:debt-ledger:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    /** Nothing is known under the id asked for. */
    public static class NotFound extends RuntimeException {
        public NotFound(String detail) {
            super(detail);
        }
    }
}
