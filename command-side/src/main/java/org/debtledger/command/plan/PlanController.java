package org.debtledger.command.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.audit.Channel;
import org.debtledger.command.api.CommandAccepted;
import org.debtledger.command.api.CommandSender;
import org.debtledger.command.api.InvalidRequest;
import org.debtledger.command.calendar.BusinessDates;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;
import org.debtledger.plan.Affordability;
import org.debtledger.plan.AgreePaymentPlan;
import org.debtledger.plan.Instalment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.debtledger.command.api.InvalidRequest.optionalText;
import static org.debtledger.command.api.InvalidRequest.required;

@RestController
class PlanController {

    private static final int MAX_INSTALMENTS = 360;

    private final CommandSender commands;
    private final PlanQuotes quotes;
    private final BusinessDates businessDates;

    PlanController(CommandSender commands, PlanQuotes quotes, BusinessDates businessDates) {
        this.commands = commands;
        this.quotes = quotes;
        this.businessDates = businessDates;
    }

    /** What a plan of {@code instalments} agreed on {@code date} (today when left out) must cover, and its fee. */
    @Operation(summary = "What a payment plan must cover on a day")
    @GetMapping("/api/v1/debts/{debtId}/payment-plans/quote")
    PlanQuote quote(@PathVariable String debtId, @RequestParam int instalments,
                    @RequestParam(required = false) LocalDate date) {
        if (instalments < 1 || instalments > MAX_INSTALMENTS) {
            throw new InvalidRequest("instalments must be 1 to " + MAX_INSTALMENTS);
        }
        LocalDate on = date != null ? date : businessDates.today();
        businessDates.check(CommandDate.happens("date", on));
        return quotes.quote(new DebtId(debtId), instalments, on);
    }

    record InstalmentRequest(LocalDate dueDate, Money amount) {
    }

    @Schema(example = """
            {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "50.00", "currency": "EUR"}},
             {"dueDate": "2025-05-01", "amount": {"amount": "50.00", "currency": "EUR"}}],
             "channel": "ADVISOR_PHONE", "date": "2025-03-01"}""")
    record PlanRequest(List<InstalmentRequest> instalments, Channel channel, Affordability affordability,
                       String affordabilityOverrideReason, LocalDate date) {
    }

    @Operation(summary = "Agree a payment plan")
    @PostMapping("/api/v1/debts/{debtId}/payment-plans")
    CommandAccepted agree(@PathVariable String debtId, @RequestBody PlanRequest body, HttpServletRequest request) {
        List<InstalmentRequest> requested = required(body.instalments(), "instalments");
        if (requested.isEmpty() || requested.size() > MAX_INSTALMENTS) {
            throw new InvalidRequest("instalments must hold 1 to " + MAX_INSTALMENTS + " instalments");
        }
        List<Instalment> instalments = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            InstalmentRequest instalment = required(requested.get(i), "instalments[" + i + "]");
            instalments.add(new Instalment(required(instalment.dueDate(), "instalments[" + i + "].dueDate"),
                    required(instalment.amount(), "instalments[" + i + "].amount")));
        }
        Channel channel = required(body.channel(), "channel");
        String override = optionalText(body.affordabilityOverrideReason(), "affordabilityOverrideReason", 500);
        return commands.send(new AgreePaymentPlan(new DebtId(debtId), instalments, channel, body.affordability(),
                override, commands.orToday(body.date())), request, channel, override);
    }
}
