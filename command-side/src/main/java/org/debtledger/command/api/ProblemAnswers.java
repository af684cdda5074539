package org.debtledger.command.api;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.edge.DatabaseOutage;
import org.debtledger.edge.EdgeProblemAnswers;
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
 * Every refusal as {@code application/problem+json} (RFC 9457): 400 malformed, 404 unknown debt, 409 a
 * conflicting change, 413 too large, 415 a body of a type not read, 422 a rule refused it (the rule is named).
 * Never a stack trace or SQL.
 */
@RestControllerAdvice(basePackages = "org.debtledger.command")
public class ProblemAnswers extends EdgeProblemAnswers {

    private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolated(RuleViolation violation) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule:" + violation.rule(),
                "Refused by rule " + violation.rule(), violation.getMessage());
        problem.setProperty("rule", violation.rule().name());
        violation.facts().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler({InvalidRequest.class, IllegalArgumentException.class})
    ProblemDetail malformed(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", e.getMessage());
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
}
