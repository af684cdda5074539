package org.debtledger.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.debtledger.query.api.QueryProblems;
import org.debtledger.query.api.QueryProblems.NotFound;
import org.debtledger.query.projection.DeadLetters;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ProjectionRebuilds;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * For operators: rebuild a read model and watch it go; see and retry events a projection failed on; reconcile the
 * read models with the event store.
 */
@RestController
class AdminController {

    private final ProjectionRebuilds rebuilds;
    private final EventProcessingConfiguration processing;
    private final DeadLetters deadLetters;
    private final Reconciliation reconciliation;

    AdminController(ProjectionRebuilds rebuilds, EventProcessingConfiguration processing, DeadLetters deadLetters,
                    Reconciliation reconciliation) {
        this.rebuilds = rebuilds;
        this.processing = processing;
        this.deadLetters = deadLetters;
        this.reconciliation = reconciliation;
    }

    /**
     * Checks every debt's view, audit timeline and part of the advisor queue against its events, once both read
     * models have caught up with the store (waiting up to a minute, else 503); the answer lists what differs.
     */
    @Operation(summary = "Reconcile the read models against the events")
    @PostMapping("/api/v1/admin/reconciliation")
    Reconciliation.Report reconcile() {
        return reconciliation.run(java.time.Duration.ofMinutes(1));
    }

    @Operation(summary = "Rebuild one read model from the events")
    @PostMapping("/api/v1/admin/projections/{name}/rebuild")
    ProjectionRebuilds.Status rebuild(@PathVariable String name) {
        return rebuilds.start(List.of(name)).get(0);
    }

    /** Rebuilds every read model from one reading of the event store. */
    @Operation(summary = "Rebuild every read model from the events")
    @PostMapping("/api/v1/admin/projections/rebuild")
    List<ProjectionRebuilds.Status> rebuildAll() {
        return rebuilds.start(ProcessingGroups.ALL);
    }

    /** Every read model's state: the version queries read, and any rebuild with its progress. */
    @Operation(summary = "Each read model's version, position and any rebuild")
    @GetMapping("/api/v1/admin/projections")
    List<ProjectionRebuilds.Status> statuses() {
        return ProcessingGroups.ALL.stream().map(rebuilds::status).toList();
    }

    @Operation(summary = "One read model's version, position and rebuild")
    @GetMapping("/api/v1/admin/projections/{name}/status")
    ProjectionRebuilds.Status status(@PathVariable String name) {
        return rebuilds.status(name);
    }

    /** Each event a projection failed on, why, and the debt whose later events wait behind it. */
    @Operation(summary = "The events a read model could not fold, by processing group")
    @GetMapping("/api/v1/admin/dead-letters")
    List<DeadLetters.Letter> deadLetters() {
        return deadLetters.all();
    }

    record Retry(String id, boolean processed) {
    }

    /** Runs the dead letter's debt's waiting events through the projection again, in order. */
    @Operation(summary = "Retry a dead letter")
    @PostMapping("/api/v1/admin/dead-letters/{id}/retry")
    Retry retry(@PathVariable String id) {
        String group = deadLetters.processingGroupOf(id).orElseThrow(() -> new NotFound("no dead letter " + id));
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NotFound("no dead-letter queue for " + group));
        boolean processed = processor.process(letter -> letter instanceof JdbcDeadLetter<?> jdbcLetter
                && jdbcLetter.getIdentifier().equals(id));
        return new Retry(id, processed);
    }

    @ExceptionHandler(ProjectionRebuilds.AlreadyRebuilding.class)
    ProblemDetail alreadyRebuilding(RuntimeException e) {
        return QueryProblems.REBUILD_NOT_STARTED.with(e.getMessage());
    }

    /** The segments a rebuild needs were not all free in time: the detail names the segment and its holder. */
    @ExceptionHandler(ProjectionRebuilds.CannotRebuild.class)
    ProblemDetail segmentsNotFree(RuntimeException e) {
        return QueryProblems.REBUILD_SEGMENTS_NOT_FREE.with(e.getMessage());
    }
}
