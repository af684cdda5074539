package org.debtledger.command.pause;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.command.api.CommandAccepted;
import org.debtledger.command.api.CommandSender;
import org.debtledger.debt.DebtId;
import org.debtledger.pause.PauseCollection;
import org.debtledger.pause.PauseReason;
import org.debtledger.pause.ResumeCollection;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

import static org.debtledger.command.api.InvalidRequest.required;

@RestController
class PauseController {

    private final CommandSender commands;

    PauseController(CommandSender commands) {
        this.commands = commands;
    }

    @Schema(example = """
            {"reason": "COUNSELLING", "from": "2025-03-02", "until": "2025-04-02"}""")
    record PauseRequest(PauseReason reason, LocalDate from, LocalDate until) {
    }

    @Operation(summary = "Pause collection")
    @PostMapping("/api/v1/debts/{debtId}/pause")
    CommandAccepted pause(@PathVariable String debtId, @RequestBody PauseRequest body, HttpServletRequest request) {
        PauseReason reason = required(body.reason(), "reason");
        return commands.send(new PauseCollection(new DebtId(debtId), reason, commands.orToday(body.from()),
                body.until()), request, null, reason.name());
    }

    @Schema(example = """
            {"date": "2025-03-03"}""")
    record ResumeRequest(LocalDate date) {
    }

    @Operation(summary = "Resume collection after a pause")
    @PostMapping("/api/v1/debts/{debtId}/resume")
    CommandAccepted resume(@PathVariable String debtId, @RequestBody(required = false) ResumeRequest body,
                           HttpServletRequest request) {
        LocalDate date = body == null ? null : body.date();
        return commands.send(new ResumeCollection(new DebtId(debtId), commands.orToday(date)), request);
    }
}
