package org.debtledger.command.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A run as recorded: what it was for, who started it and when, where it has got to, and once it has finished, how it
 * ended. {@code report} is the answer a request without {@code Prefer: respond-async} would have had; it is left out
 * until the run has completed, and in lists.
 */
public record Run(long runId, RunKind kind, String status, LocalDate businessDate, String fileName, Long fileBytes,
                  String startedBy, Instant startedAt, Instant finishedAt, Integer total, int done, Integer left,
                  int failed, Integer applied, Integer alreadyApplied, Map<String, Integer> failuresByRule,
                  String failure, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode report) {
}
