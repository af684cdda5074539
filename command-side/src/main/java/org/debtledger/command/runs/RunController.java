package org.debtledger.command.runs;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Runs of close of business and of bank files, for an operator to follow and to look back on. */
@RestController
class RunController {

    private final OperationRuns runs;

    RunController(OperationRuns runs) {
        this.runs = runs;
    }

    record RunPage(List<Run> runs, int page, int size, long total) {
    }

    /** The runs of a kind, or of every kind, newest first, without their reports. */
    @Operation(summary = "The runs of close of business and bank files, newest first")
    @GetMapping(RunAnswers.RUNS)
    RunPage list(@RequestParam(required = false) RunKind kind, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 1000 || size < 1 || size > 50) {
            throw new IllegalArgumentException("page must be 0 to 1000 and size 1 to 50");
        }
        return new RunPage(runs.list(kind, page, size), page, size, runs.count(kind));
    }

    /** A run's progress, and its report once it has completed. */
    @Operation(summary = "One run's progress and report")
    @GetMapping(RunAnswers.RUNS + "/{id}")
    Run run(@PathVariable String id) {
        long runId;
        try {
            runId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new RunAnswers.UnknownRun();
        }
        return runs.find(runId).orElseThrow(RunAnswers.UnknownRun::new);
    }
}
