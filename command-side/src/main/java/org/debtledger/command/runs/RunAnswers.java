package org.debtledger.command.runs;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.Arrays;

import static org.debtledger.command.api.ProblemAnswers.RUNS_BUSY;
import static org.debtledger.command.api.ProblemAnswers.UNKNOWN_RUN;

/**
 * How the operations answer about runs: {@code Prefer: respond-async} (RFC 7240) asks for 202 and a run to follow;
 * without it, the answer comes when the work is done and names its run in {@code X-Run-Id}. Ahead of the command
 * side's other answers, which would take these refusals for unexpected failures.
 */
@RestControllerAdvice(basePackages = "org.debtledger.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RunAnswers {

    public static final String RUN_ID = "X-Run-Id";
    static final String RUNS = "/api/v1/operations/runs";

    /** Whether the request's {@code Prefer} header asks for the answer before the work is done. */
    public static boolean respondAsync(String prefer) {
        return prefer != null && Arrays.stream(prefer.split(","))
                .anyMatch(preference -> preference.split(";")[0].trim().equalsIgnoreCase("respond-async"));
    }

    /** 202, the run as begun, and where to follow it. */
    public static ResponseEntity<Run> accepted(Run run) {
        return ResponseEntity.accepted().location(URI.create(RUNS + "/" + run.runId()))
                .header("Preference-Applied", "respond-async").header(RUN_ID, Long.toString(run.runId())).body(run);
    }

    @ExceptionHandler(OperationRuns.Busy.class)
    ResponseEntity<ProblemDetail> busy(OperationRuns.Busy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(RUNS_BUSY.with(e.getMessage()));
    }

    @ExceptionHandler(UnknownRun.class)
    ProblemDetail unknown(UnknownRun e) {
        return UNKNOWN_RUN.with(e.getMessage());
    }

    static class UnknownRun extends RuntimeException {
        UnknownRun() {
            super("no such run is recorded");
        }
    }
}
