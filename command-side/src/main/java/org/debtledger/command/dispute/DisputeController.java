package org.debtledger.command.dispute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.command.api.CommandAccepted;
import org.debtledger.command.api.CommandSender;
import org.debtledger.debt.DebtId;
import org.debtledger.dispute.DisputeOutcome;
import org.debtledger.dispute.OpenDispute;
import org.debtledger.dispute.ResolveDispute;
import org.debtledger.money.Money;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

import static org.debtledger.command.api.InvalidRequest.required;
import static org.debtledger.command.api.InvalidRequest.requiredText;

@RestController
class DisputeController {

    private final CommandSender commands;

    DisputeController(CommandSender commands) {
        this.commands = commands;
    }

    @Schema(example = """
            {"reason": "never ordered", "date": "2025-03-02"}""")
    record DisputeRequest(String reason, LocalDate date) {
    }

    @Operation(summary = "Open a dispute")
    @PostMapping("/api/v1/debts/{debtId}/disputes")
    CommandAccepted open(@PathVariable String debtId, @RequestBody DisputeRequest body, HttpServletRequest request) {
        String reason = requiredText(body.reason(), "reason", 500);
        return commands.send(new OpenDispute(new DebtId(debtId), reason, commands.orToday(body.date())), request,
                null, reason);
    }

    /** UPHELD writes the debt off, or with an {@code adjustment} reduces the principal by it; REJECTED resumes. */
    @Schema(example = """
            {"outcome": "REJECTED", "date": "2025-03-03"}""")
    record ResolutionRequest(DisputeOutcome outcome, Money adjustment, LocalDate date) {
    }

    @Operation(summary = "Resolve the open dispute")
    @PostMapping("/api/v1/debts/{debtId}/disputes/resolution")
    CommandAccepted resolve(@PathVariable String debtId, @RequestBody ResolutionRequest body,
                            HttpServletRequest request) {
        DisputeOutcome outcome = required(body.outcome(), "outcome");
        return commands.send(new ResolveDispute(new DebtId(debtId), outcome, body.adjustment(),
                commands.orToday(body.date())), request, null, "dispute " + outcome.name().toLowerCase());
    }
}
