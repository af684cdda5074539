package org.debtledger.command.api;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.debtledger.command.debt.RuleViolation;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;

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
        return problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("request failed unexpectedly: {}", Failures.describe(e));
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the ledger could not complete the request; nothing was written");
    }

    /** Unreadable JSON: say what is wrong in the caller's terms, without the parser's internals. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(
                problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", readable(e)));
    }

    private static String readable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof RequestTooLarge || cause instanceof IllegalArgumentException) {
                return cause.getMessage();
            }
            if (cause instanceof DatabindException databind) {
                return path(databind) + ": " + why(databind);
            }
            if (cause instanceof JacksonException jackson) {
                return "the body is not valid JSON: " + firstLine(jackson.getOriginalMessage());
            }
            cause = cause.getCause();
        }
        return "the body is missing or is not valid JSON";
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Why a value was refused, in the API's terms rather than the parser's. */
    private static String why(DatabindException e) {
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target == LocalDate.class) {
                return "must be an ISO-8601 date such as 2025-03-05";
            }
            if (target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            if (target == String.class) {
                return "must be a string";
            }
            return "has the wrong form";
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:debt-ledger:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}
