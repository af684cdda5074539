package org.debtledger.command.creditor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.debtledger.command.api.Audit;
import org.debtledger.command.api.InvalidRequest;
import org.debtledger.command.calendar.BusinessDates;
import org.debtledger.command.config.Landed;
import org.debtledger.creditor.AgreeCreditorContract;
import org.debtledger.creditor.RegisterCreditor;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.CreditorId;
import org.debtledger.edge.Role;
import org.debtledger.edge.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

import static org.debtledger.command.api.InvalidRequest.required;
import static org.debtledger.command.api.InvalidRequest.requiredText;

/** An operator registers the agency's creditors, keeps their details, and records their contracts. */
@RestController
class CreditorController {

    /** A percentage with at most two decimals; a sign is allowed so that a negative share is refused by its rule. */
    private static final Pattern PERCENT = Pattern.compile("-?\\d{1,5}(\\.\\d{1,2})?");

    private final CommandGateway commands;
    private final BusinessDates businessDates;

    CreditorController(CommandGateway commands, BusinessDates businessDates) {
        this.commands = commands;
        this.businessDates = businessDates;
    }

    /** Where the creditor's last event landed, so a reader can ask for a view at least that fresh. */
    record CreditorChangeAccepted(String creditorId, long sequenceNumber, long position) {
    }

    @Schema(example = """
            {"name": "Acme Telecom Oy", "remittanceAccount": "FI21 1234 5600 0007 85", "date": "2025-01-02"}""")
    record CreditorRequest(String name, String remittanceAccount, LocalDate date) {
    }

    /** Registers the creditor, or sets its name and remittance account; the same details again change nothing. */
    @Operation(summary = "Register a creditor or change its name and account")
    @PutMapping("/api/v1/creditors/{creditorId}")
    CreditorChangeAccepted put(@PathVariable String creditorId, @RequestBody CreditorRequest body,
                               HttpServletRequest request) {
        CreditorId creditor = new CreditorId(creditorId);
        String name = requiredText(body.name(), "name", 200);
        String account = requiredText(body.remittanceAccount(), "remittanceAccount", 50);
        LocalDate date = dated("date", body.date(), false);
        return send(creditor, new RegisterCreditor(creditor, name, account, date), request);
    }

    /**
     * {@code interestShare} and the optional {@code principalCommission} in percent with at most two decimals, such
     * as {@code "35.00"}.
     */
    @Schema(example = """
            {"effectiveFrom": "2025-01-01", "interestShare": "35.00", "principalCommission": "2.50",
             "date": "2025-01-02"}""")
    record ContractRequest(LocalDate effectiveFrom, String interestShare, String principalCommission, LocalDate date) {
    }

    @Operation(summary = "Add a contract with a creditor")
    @PostMapping("/api/v1/creditors/{creditorId}/contracts")
    CreditorChangeAccepted agree(@PathVariable String creditorId, @RequestBody ContractRequest body,
                                 HttpServletRequest request) {
        CreditorId creditor = new CreditorId(creditorId);
        LocalDate effectiveFrom = dated("effectiveFrom", required(body.effectiveFrom(), "effectiveFrom"), true);
        int interestShare = basisPoints(required(body.interestShare(), "interestShare"), "interestShare");
        int commission = body.principalCommission() == null ? 0
                : basisPoints(body.principalCommission(), "principalCommission");
        LocalDate date = dated("date", body.date(), false);
        return send(creditor, new AgreeCreditorContract(creditor, effectiveFrom, interestShare, commission, date),
                request);
    }

    private LocalDate dated(String field, LocalDate date, boolean planned) {
        LocalDate given = date != null ? date : businessDates.today();
        businessDates.check(planned ? CommandDate.planned(field, given) : CommandDate.happens(field, given));
        return given;
    }

    private static int basisPoints(String percent, String field) {
        if (!PERCENT.matcher(percent).matches()) {
            throw new InvalidRequest(field + " must be a percentage with at most two decimals, such as 35.00");
        }
        return new BigDecimal(percent).movePointRight(2).intValueExact();
    }

    private CreditorChangeAccepted send(CreditorId creditor, Object command, HttpServletRequest request) {
        Landed landed = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(Audit.actingAs(Role.OPERATOR, request).metaData(null, null)));
        return new CreditorChangeAccepted(creditor.value(), landed.sequenceNumber(), landed.position());
    }

    @ExceptionHandler(CreditorRefused.class)
    ProblemDetail refused(CreditorRefused refused) {
        return Problems.refusedByRule(refused.rule().name(), refused.getMessage());
    }
}
