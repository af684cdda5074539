package org.debtledger.command.api;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.debtledger.command.bankfile.FileRule;
import org.debtledger.command.creditor.CreditorRule;
import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.rates.RateRule;
import org.debtledger.edge.DatabaseOutage;
import org.debtledger.edge.EdgeProblemAnswers;
import org.debtledger.edge.ProblemCatalogue;
import org.debtledger.edge.ProblemType;
import org.debtledger.edge.Problems;
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
 * Every refusal as {@code application/problem+json} (RFC 9457): 400 malformed, 404 unknown debt, 409 a
 * conflicting change, 413 too large, 415 a body of a type not read, 422 a rule refused it (the rule is named).
 * Never a stack trace or SQL.
 */
@RestControllerAdvice(basePackages = "org.debtledger.command")
public class ProblemAnswers extends EdgeProblemAnswers {

    private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

    public static final ProblemType UNKNOWN_DEBT =
            new ProblemType(HttpStatus.NOT_FOUND, "unknown-debt", "Unknown debt");
    public static final ProblemType CONFLICT = new ProblemType(HttpStatus.CONFLICT, "conflict", "Conflicting change");
    public static final ProblemType UNKNOWN_RUN = new ProblemType(HttpStatus.NOT_FOUND, "unknown-run", "Unknown run");
    public static final ProblemType RUNS_BUSY =
            new ProblemType(HttpStatus.SERVICE_UNAVAILABLE, "runs-busy", "No run can start now");
    public static final ProblemType CLOSE_OF_BUSINESS_RUNNING = new ProblemType(HttpStatus.CONFLICT,
            "close-of-business-running", "Close of business already running");
    /** With the first broken {@link FileRule} in {@code rule}, its line, and every problem found. */
    public static final ProblemType MALFORMED_BANK_FILE =
            new ProblemType(HttpStatus.BAD_REQUEST, "malformed-bank-file", "Malformed bank file");

    /** The command side's refusals and rules, for the API's description. */
    public static ProblemCatalogue catalogue() {
        return new ProblemCatalogue(List.of(UNKNOWN_DEBT, CONFLICT, UNKNOWN_RUN, RUNS_BUSY, CLOSE_OF_BUSINESS_RUNNING,
                MALFORMED_BANK_FILE), ProblemCatalogue.ruleNames(Rule.class, CreditorRule.class, RateRule.class,
                FileRule.class));
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolated(RuleViolation violation) {
        ProblemDetail problem = Problems.refusedByRule(violation.rule().name(), violation.getMessage());
        violation.facts().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler({InvalidRequest.class, IllegalArgumentException.class})
    ProblemDetail malformed(RuntimeException e) {
        return Problems.MALFORMED_REQUEST.with(e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownDebt(AggregateNotFoundException e) {
        return UNKNOWN_DEBT.with("no debt " + e.getAggregateIdentifier() + " is registered");
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail conflict(RuntimeException e) {
        return CONFLICT.with("the debt was changed at the same time, or a debt with this id already exists; read it and try again");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.causes(e)) {
            log.warn("database out of reach: {}", Failures.describe(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                    .body(Problems.DATABASE_UNAVAILABLE.with("the ledger's database is out of reach, so the command was not acknowledged; send it again"
                                    + " shortly (a payment sent again with its id is applied once)"));
        }
        log.error("request failed unexpectedly: {}", Failures.describe(e));
        return ResponseEntity.internalServerError().body(Problems.INTERNAL_ERROR.with(
                "the ledger could not complete the request; nothing was written"));
    }
}
