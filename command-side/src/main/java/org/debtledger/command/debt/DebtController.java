package org.debtledger.command.debt;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.command.api.CommandAccepted;
import org.debtledger.command.api.CommandSender;
import org.debtledger.debt.AdvisorId;
import org.debtledger.debt.AssignCase;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.debt.RecallDebt;
import org.debtledger.debt.RegisterDebt;
import org.debtledger.debt.WriteOffDebt;
import org.debtledger.money.Money;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import static org.debtledger.command.api.InvalidRequest.optionalText;
import static org.debtledger.command.api.InvalidRequest.required;
import static org.debtledger.command.api.InvalidRequest.requiredText;

@RestController
@RequestMapping("/api/v1/debts")
class DebtController {

    private final CommandSender commands;

    DebtController(CommandSender commands) {
        this.commands = commands;
    }

    @Schema(example = """
            {"debtId": "debt-1", "creditorId": "acme-telecom", "debtorId": "debtor-42",
             "invoiceReference": "INV-1", "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"},
             "description": "Broadband", "principal": {"amount": "100.00", "currency": "EUR"},
             "dueDate": "2025-02-15", "debtType": "CONSUMER", "jurisdiction": "FI", "date": "2025-03-01"}""")
    record Registration(String debtId, String creditorId, String debtorId, String invoiceReference,
                        InvoicePeriod invoicePeriod, String description, Money principal, LocalDate dueDate,
                        DebtType debtType, Jurisdiction jurisdiction, Boolean directlyEnforceable, LocalDate date) {
    }

    @Operation(summary = "Register a debt")
    @PostMapping
    ResponseEntity<CommandAccepted> register(@RequestBody Registration body, HttpServletRequest request) {
        DebtId debtId = new DebtId(body.debtId() != null ? body.debtId() : UUID.randomUUID().toString());
        RegisterDebt command = new RegisterDebt(debtId,
                new CreditorId(required(body.creditorId(), "creditorId")),
                new DebtorId(required(body.debtorId(), "debtorId")),
                requiredText(body.invoiceReference(), "invoiceReference", 100),
                required(body.invoicePeriod(), "invoicePeriod"),
                requiredText(body.description(), "description", 500),
                required(body.principal(), "principal"),
                required(body.dueDate(), "dueDate"),
                required(body.debtType(), "debtType"),
                required(body.jurisdiction(), "jurisdiction"),
                Boolean.TRUE.equals(body.directlyEnforceable()),
                commands.orToday(body.date()));
        CommandAccepted accepted = commands.send(command, request);
        return ResponseEntity.created(URI.create("/api/v1/debts/" + debtId)).body(accepted);
    }

    @Schema(example = """
            {"reason": "uncollectable", "date": "2025-03-02"}""")
    record Closing(String reason, LocalDate date) {
    }

    @Operation(summary = "Write a debt off")
    @PostMapping("/{debtId}/write-off")
    CommandAccepted writeOff(@PathVariable String debtId, @RequestBody Closing body, HttpServletRequest request) {
        String reason = requiredText(body.reason(), "reason", 500);
        return commands.send(new WriteOffDebt(new DebtId(debtId), reason, commands.orToday(body.date())), request,
                null, reason);
    }

    @Operation(summary = "Recall a debt to its creditor")
    @PostMapping("/{debtId}/recall")
    CommandAccepted recall(@PathVariable String debtId, @RequestBody Closing body, HttpServletRequest request) {
        String reason = requiredText(body.reason(), "reason", 500);
        return commands.send(new RecallDebt(new DebtId(debtId), reason, commands.orToday(body.date())), request,
                null, reason);
    }

    @Schema(example = """
            {"advisorId": "advisor-7"}""")
    record Assignment(String advisorId, LocalDate date, String reason) {
    }

    @Operation(summary = "Assign a debt to an advisor")
    @PostMapping("/{debtId}/assignment")
    CommandAccepted assign(@PathVariable String debtId, @RequestBody Assignment body, HttpServletRequest request) {
        return commands.send(new AssignCase(new DebtId(debtId), new AdvisorId(required(body.advisorId(), "advisorId")),
                commands.orToday(body.date())), request, null, optionalText(body.reason(), "reason", 500));
    }
}
