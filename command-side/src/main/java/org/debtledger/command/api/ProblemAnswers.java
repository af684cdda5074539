package org.debtledger.command.api;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.edge.DatabaseOutage;
import org.debtledger.edge.Problems;
import org.debtledger.edge.RequestTooLarge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;


import static org.debtledger.edge.Problems.problem;

/**
 * Every refusal as {@code application/problem+json} (RFC 9457): 400 malformed, 404 unknown debt, 409 a
 * conflicting change, 413 too large, 422 a rule refused it (the rule is named). Never a stack trace or SQL.
 */
@RestControllerAdvice(basePackages = "org.debtledger.command")
public class ProblemAnswers extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolated(RuleViolation violation) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule:" + violation.rule(),
                "Refused by rule " + violation.rule(), violation.getMessage());
        problem.setProperty("rule", violation.rule().name());
        return problem;
    }

    @ExceptionHandler({InvalidRequest.class, IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail malformed(RuntimeException e) {
        String detail = e instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName() + " has the wrong form"
                : e.getMessage();
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownDebt(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-debt", "Unknown debt",
                "no debt " + e.getAggregateIdentifier() + " is registered");
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflicting change",
                "the debt was changed at the same time, or a debt with this id already exists; read it and try again");
    }

    @ExceptionHandler(RequestTooLarge.class)
    ProblemDetail tooLarge(RequestTooLarge e) {
        return Problems.tooLarge(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.causes(e)) {
            log.warn("database out of reach: {}", Failures.describe(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                            "the ledger's database is out of reach, so the command was not acknowledged; send it again"
                                    + " shortly (a payment sent again with its id is applied once)"));
        }
        log.error("request failed unexpectedly: {}", Failures.describe(e));
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "the ledger could not complete the request; nothing was written"));
    }

    /**
     * Unreadable JSON: say what is wrong in the caller's terms, without the parser's internals. A body over the
     * limit, counted as it was read, is a 413.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = Problems.unreadable(e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

}
