package org.debtledger.command.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A run as recorded: what it was for, who started it and when, where it has got to, and once it has finished, how it
 * ended, and its rate and time to go. {@code report} is the answer a request without {@code Prefer: respond-async} would have had; it is left out
 * until the run has completed, and in lists.
 */
public record Run(long runId, RunKind kind, String status, LocalDate businessDate, String fileName, Long fileBytes,
                  String startedBy, Instant startedAt, Instant finishedAt, Integer total, int done, Integer left,
                  int failed, Integer applied, Integer alreadyApplied, Map<String, Integer> failuresByRule,
                  long perSecond, Long secondsToGo, String failure,
                  @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode report) {

    /** Debts or lines done a second, from the start to when the counts were last written. */
    static long perSecond(int done, Instant startedAt, Instant countedAt) {
        return done * 1000L / Math.max(1, Duration.between(startedAt, countedAt).toMillis());
    }

    /** At that rate, the seconds left of a run still going: unknown until it is counted and has done some. */
    static Long secondsToGo(Integer left, long perSecond, boolean finished) {
        if (finished || left == null) {
            return null;
        }
        return left == 0 ? Long.valueOf(0) : perSecond == 0 ? null : Long.valueOf(left / perSecond);
    }
}
