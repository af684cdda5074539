package org.debtledger.command.promise;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.audit.Channel;
import org.debtledger.command.api.CommandAccepted;
import org.debtledger.command.api.CommandSender;
import org.debtledger.command.api.InvalidRequest;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;
import org.debtledger.promise.MakePromiseToPay;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

import static org.debtledger.command.api.InvalidRequest.required;

/** An advisor records a debtor's promise to pay; a debtor's own is made through self-service. */
@RestController
class PromiseController {

    private final CommandSender commands;

    PromiseController(CommandSender commands) {
        this.commands = commands;
    }

    /** {@code channel} is how the promise was made: ADVISOR_PHONE when none is given; never SELF_SERVICE here. */
    @Schema(example = """
            {"amount": {"amount": "50.00", "currency": "EUR"}, "promisedFor": "2025-03-20",
             "channel": "ADVISOR_PHONE", "date": "2025-03-10"}""")
    record PromiseRequest(Money amount, LocalDate promisedFor, Channel channel, LocalDate date) {
    }

    @Operation(summary = "Record a promise to pay")
    @PostMapping("/api/v1/debts/{debtId}/promises")
    CommandAccepted make(@PathVariable String debtId, @RequestBody PromiseRequest body, HttpServletRequest request) {
        Money amount = required(body.amount(), "amount");
        LocalDate promisedFor = required(body.promisedFor(), "promisedFor");
        Channel channel = body.channel() == null ? Channel.ADVISOR_PHONE : body.channel();
        if (channel == Channel.SELF_SERVICE) {
            throw new InvalidRequest("a debtor's own promise is made through self-service; an advisor records one "
                    + "made on the phone (ADVISOR_PHONE)");
        }
        return commands.send(new MakePromiseToPay(new DebtId(debtId), amount, promisedFor, channel,
                commands.orToday(body.date())), request, channel, null);
    }
}
