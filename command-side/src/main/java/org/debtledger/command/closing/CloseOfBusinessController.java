package org.debtledger.command.closing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.MetaData;
import org.debtledger.audit.Channel;
import org.debtledger.command.api.Audit;
import org.debtledger.command.api.ProblemAnswers;
import org.debtledger.command.calendar.BusinessDates;
import org.debtledger.command.runs.RunAnswers;
import org.debtledger.edge.Role;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
class CloseOfBusinessController {

    private final CloseOfBusiness closeOfBusiness;
    private final BusinessDates businessDates;

    CloseOfBusinessController(CloseOfBusiness closeOfBusiness, BusinessDates businessDates) {
        this.closeOfBusiness = closeOfBusiness;
        this.businessDates = businessDates;
    }

    @Schema(example = """
            {"businessDate": "2025-03-02"}""")
    record Run(LocalDate businessDate) {
    }

    /**
     * Runs close of business for a date (today's when left out), now, in the caller's name: how an operator moves
     * time forward. With {@code Prefer: respond-async} it is answered 202 at once and goes on in the background.
     */
    @Operation(summary = "Run close of business for a business date")
    @PostMapping("/api/v1/operations/close-of-business")
    ResponseEntity<?> run(@RequestBody Run body, @RequestHeader(name = "Prefer", required = false) String prefer,
                          HttpServletRequest request, HttpServletResponse response) {
        LocalDate businessDate = body.businessDate() != null ? body.businessDate() : businessDates.today();
        MetaData startedBy = Audit.actingAs(Role.OPERATOR, request).metaData(Channel.SYSTEM, null);
        if (RunAnswers.respondAsync(prefer)) {
            return RunAnswers.accepted(closeOfBusiness.start(businessDate, startedBy));
        }
        return ResponseEntity.ok(closeOfBusiness.run(businessDate, startedBy,
                runId -> response.setHeader(RunAnswers.RUN_ID, Long.toString(runId))));
    }

    @ExceptionHandler(CloseOfBusiness.AlreadyRunning.class)
    ProblemDetail alreadyRunning(CloseOfBusiness.AlreadyRunning e) {
        return ProblemAnswers.CLOSE_OF_BUSINESS_RUNNING.with(e.getMessage());
    }
}
