package org.debtledger.command.fee;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.command.api.CommandAccepted;
import org.debtledger.command.api.CommandSender;
import org.debtledger.command.api.InvalidRequest;
import org.debtledger.debt.DebtId;
import org.debtledger.fee.ChargeFee;
import org.debtledger.fee.FeeType;
import org.debtledger.money.Money;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

import static org.debtledger.command.api.InvalidRequest.required;

@RestController
class FeeController {

    /** A due date moves by at most a year at a time. */
    private static final int MAX_EXTENSION_DAYS = 366;

    private final CommandSender commands;

    FeeController(CommandSender commands) {
        this.commands = commands;
    }

    /**
     * {@code amount} is optional: without it the most the law allows is charged. A DUE_DATE_EXTENSION moves the due
     * date by {@code extensionDays}, free of charge when shorter than the law's free days.
     */
    @Schema(example = """
            {"type": "REMINDER", "date": "2025-03-05"}""")
    record FeeRequest(FeeType type, Money amount, Integer extensionDays, LocalDate date) {
    }

    @Operation(summary = "Charge a fee")
    @PostMapping("/api/v1/debts/{debtId}/fees")
    CommandAccepted charge(@PathVariable String debtId, @RequestBody FeeRequest body, HttpServletRequest request) {
        if (body.extensionDays() != null && body.extensionDays() > MAX_EXTENSION_DAYS) {
            throw new InvalidRequest("extensionDays must be at most " + MAX_EXTENSION_DAYS);
        }
        return commands.send(new ChargeFee(new DebtId(debtId), required(body.type(), "type"), body.amount(),
                body.extensionDays(), commands.orToday(body.date())), request);
    }
}
