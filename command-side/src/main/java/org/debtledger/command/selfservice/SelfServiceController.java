package org.debtledger.command.selfservice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.audit.Channel;
import org.debtledger.callback.RequestCallBack;
import org.debtledger.command.api.CommandAccepted;
import org.debtledger.command.api.CommandSender;
import org.debtledger.command.api.DebtorsDebts;
import org.debtledger.command.api.InvalidRequest;
import org.debtledger.command.debt.Debt;
import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.fee.ExtensionQuote;
import org.debtledger.command.plan.PlanQuote;
import org.debtledger.command.plan.SuggestedPlan;
import org.debtledger.command.policy.CollectionPolicy;
import org.debtledger.debt.DebtId;
import org.debtledger.dispute.OpenDispute;
import org.debtledger.fee.ChargeFee;
import org.debtledger.fee.FeeType;
import org.debtledger.money.Money;
import org.debtledger.pause.PauseCollection;
import org.debtledger.pause.PauseReason;
import org.debtledger.plan.Affordability;
import org.debtledger.plan.AgreePaymentPlan;
import org.debtledger.plan.Instalment;
import org.debtledger.promise.MakePromiseToPay;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.Period;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.debtledger.command.api.InvalidRequest.required;
import static org.debtledger.command.api.InvalidRequest.requiredText;

/**
 * A debtor acting on a debt of their own: a plan, a due-date extension, a pause for debt counselling, a dispute, a
 * call-back, a promise to pay. Each goes through the aggregate's rules exactly as an advisor's does, but it happens today (the debtor
 * never chooses the business date), through the SELF_SERVICE channel, as the debtor, and without the choices that are
 * an advisor's: no affordability override, no fee amount, no other reason for a pause. A debt of anyone else is
 * unknown to them.
 */
@RestController
@RequestMapping("/api/v1/self-service/debts/{debtId}")
class SelfServiceController {

    /** Ten years of monthly instalments: as far ahead as the ledger takes a planned date by default. */
    private static final int MAX_INSTALMENTS = 120;
    /** A due date moves by at most a year at a time, as for an advisor. */
    private static final int MAX_EXTENSION_DAYS = 366;
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");
    /**
     * A debtor pauses collection for debt counselling for at most three months, about as long as the free service
     * takes to start; a longer pause is an advisor's decision.
     */
    static final Period LONGEST_COUNSELLING_PAUSE = Period.ofMonths(3);

    private final CommandSender commands;
    private final DebtorsDebts debts;
    private final CollectionPolicy policy;

    SelfServiceController(CommandSender commands, DebtorsDebts debts, CollectionPolicy policy) {
        this.commands = commands;
        this.debts = debts;
        this.policy = policy;
    }

    // ---- payment plans ----------------------------------------------------------------------------------------

    /**
     * A plan of {@code instalments}, or of as few equal instalments as keep each within {@code monthlyAmount} (in
     * {@code currency}), agreed today.
     */
    @Operation(summary = "What a payment plan must cover today, with a suggested plan")
    @GetMapping("/payment-plans/quote")
    SelfServicePlanQuote planQuote(@PathVariable String debtId, @RequestParam(required = false) Integer instalments,
                                   @RequestParam(required = false) String monthlyAmount,
                                   @RequestParam(required = false) String currency) {
        if ((instalments == null) == (monthlyAmount == null)) {
            throw new InvalidRequest("give either instalments or monthlyAmount with currency");
        }
        if (instalments != null && (instalments < 1 || instalments > MAX_INSTALMENTS)) {
            throw new InvalidRequest("instalments must be 1 to " + MAX_INSTALMENTS);
        }
        Money monthly = monthlyAmount == null ? null
                : Money.of(monthlyAmount, required(currency, "currency"));
        LocalDate today = commands.today();
        return debts.ask(new DebtId(debtId), debt -> {
            PlanQuote quote = instalments != null ? debt.quotePlan(instalments, today, policy)
                    : withinMonthly(debt, monthly, today);
            return SelfServicePlanQuote.of(quote, suggestion(quote));
        });
    }

    /** The plan of the fewest instalments none above {@code monthly}: its fee may grow with their number. */
    private PlanQuote withinMonthly(Debt debt, Money monthly, LocalDate today) {
        PlanQuote quote = debt.quotePlan(1, today, policy);
        RuleViolation.check(monthly.hasCurrency(quote.mustCover().currency()), Rule.CURRENCY_MISMATCH,
                "the debt is in " + quote.mustCover().currency() + ", not " + monthly.currency());
        RuleViolation.check(monthly.isPositive(), Rule.AMOUNT_NOT_POSITIVE, "a monthly amount must be more than zero");
        for (int tries = 0; tries < 10; tries++) {
            long needed = -Math.floorDiv(-quote.mustCover().minorUnits(), monthly.minorUnits());
            if (needed > MAX_INSTALMENTS) {
                throw new InvalidRequest("at " + monthly + " a month the plan would need " + needed
                        + " instalments; at most " + MAX_INSTALMENTS + " are taken");
            }
            if (needed <= quote.instalments()) {
                break;
            }
            quote = debt.quotePlan((int) needed, today, policy);
        }
        return quote;
    }

    /** Equal instalments covering the quote, refused as the plan itself would be when one falls below the least. */
    private static SuggestedPlan suggestion(PlanQuote quote) {
        RuleViolation.check(quote.mustCover().isPositive(), Rule.NOTHING_OUTSTANDING,
                "nothing is owed, so no plan is needed");
        SuggestedPlan plan = SuggestedPlan.of(quote.mustCover(), quote.instalments(), quote.date());
        Money least = quote.minimumInstalment();
        if (plan.instalmentCount() > 1 && plan.smallest().isLessThan(least)) {
            long most = Math.max(1, quote.mustCover().minorUnits() / least.minorUnits());
            throw new RuleViolation(Rule.INSTALMENT_BELOW_MINIMUM, plan.instalmentCount() + " instalments of "
                    + plan.smallest() + " would be below the least instalment of " + least + "; at most " + most
                    + " instalments cover " + quote.mustCover(),
                    Map.of("minimumInstalment", least, "mostInstalments", most));
        }
        return plan;
    }

    record InstalmentRequest(LocalDate dueDate, Money amount) {
    }

    /** The debtor's own plan: the instalments and, always, their monthly income and expenses. */
    @Schema(example = """
            {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "50.00", "currency": "EUR"}},
             {"dueDate": "2025-05-01", "amount": {"amount": "50.00", "currency": "EUR"}}],
             "affordability": {"monthlyIncome": {"amount": "2000.00", "currency": "EUR"},
             "monthlyExpenses": {"amount": "1500.00", "currency": "EUR"}}}""")
    record PlanRequest(List<InstalmentRequest> instalments, Affordability affordability) {
    }

    @Operation(summary = "Agree a payment plan")
    @PostMapping("/payment-plans")
    CommandAccepted agreePlan(@PathVariable String debtId, @RequestBody PlanRequest body,
                              HttpServletRequest request) {
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
        Affordability affordability = required(body.affordability(), "affordability");
        return commands.sendAsDebtor(new AgreePaymentPlan(new DebtId(debtId), instalments, Channel.SELF_SERVICE,
                affordability, null, commands.today()), request, null);
    }

    // ---- due-date extensions ----------------------------------------------------------------------------------

    @Operation(summary = "What extending the due date would cost")
    @GetMapping("/extensions/quote")
    ExtensionQuote extensionQuote(@PathVariable String debtId, @RequestParam int days) {
        requireExtensionDays(days);
        LocalDate today = commands.today();
        return debts.ask(new DebtId(debtId), debt -> debt.quoteExtension(days, today, policy));
    }

    @Schema(example = """
            {"days": 14}""")
    record ExtensionRequest(Integer days) {
    }

    /** Moves the due date by {@code days}, charged what the law allows for it (nothing below its free days). */
    @Operation(summary = "Extend the due date")
    @PostMapping("/extensions")
    CommandAccepted extend(@PathVariable String debtId, @RequestBody ExtensionRequest body,
                           HttpServletRequest request) {
        int days = required(body.days(), "days");
        requireExtensionDays(days);
        return commands.sendAsDebtor(new ChargeFee(new DebtId(debtId), FeeType.DUE_DATE_EXTENSION, null, days,
                commands.today()), request, null);
    }

    private static void requireExtensionDays(int days) {
        if (days < 1 || days > MAX_EXTENSION_DAYS) {
            throw new InvalidRequest("days must be 1 to " + MAX_EXTENSION_DAYS);
        }
    }

    // ---- a pause for debt counselling, a dispute, a call-back -------------------------------------------------

    @Schema(example = """
            {"until": "2025-04-02"}""")
    record PauseRequest(LocalDate until) {
    }

    /** Pauses collection from today through {@code until} while the debtor is in debt counselling. */
    @Operation(summary = "Ask for a pause")
    @PostMapping("/pause")
    CommandAccepted pause(@PathVariable String debtId, @RequestBody PauseRequest body, HttpServletRequest request) {
        LocalDate until = required(body.until(), "until");
        LocalDate today = commands.today();
        RuleViolation.check(!until.isAfter(today.plus(LONGEST_COUNSELLING_PAUSE)), Rule.SELF_SERVICE_PAUSE_TOO_LONG,
                "a pause for debt counselling asked for in self-service lasts at most until "
                        + today.plus(LONGEST_COUNSELLING_PAUSE) + "; an advisor can agree a longer one");
        return commands.sendAsDebtor(new PauseCollection(new DebtId(debtId), PauseReason.COUNSELLING, today, until),
                request, PauseReason.COUNSELLING.name());
    }

    @Schema(example = """
            {"reason": "I never ordered it"}""")
    record DisputeRequest(String reason) {
    }

    @Operation(summary = "Dispute a debt")
    @PostMapping("/disputes")
    CommandAccepted dispute(@PathVariable String debtId, @RequestBody DisputeRequest body,
                            HttpServletRequest request) {
        String reason = requiredText(body.reason(), "reason", 500);
        return commands.sendAsDebtor(new OpenDispute(new DebtId(debtId), reason, commands.today()), request, reason);
    }

    /** A day and a window of it, as {@code HH:mm} in the agency's time. */
    @Schema(example = """
            {"on": "2025-03-07", "from": "09:00", "to": "12:00"}""")
    record CallBackRequest(LocalDate on, String from, String to) {
    }

    @Operation(summary = "Ask for a call back")
    @PostMapping("/call-backs")
    CommandAccepted callBack(@PathVariable String debtId, @RequestBody CallBackRequest body,
                             HttpServletRequest request) {
        LocalDate on = required(body.on(), "on");
        return commands.sendAsDebtor(new RequestCallBack(new DebtId(debtId), on, time(body.from(), "from"),
                time(body.to(), "to"), commands.today()), request, null);
    }

    // ---- a promise to pay ---------------------------------------------------------------------------------------

    @Schema(example = """
            {"amount": {"amount": "50.00", "currency": "EUR"}, "promisedFor": "2025-03-20"}""")
    record PromiseRequest(Money amount, LocalDate promisedFor) {
    }

    /** The debtor promises today to pay {@code amount} by {@code promisedFor}, through SELF_SERVICE. */
    @Operation(summary = "Promise to pay")
    @PostMapping("/promises")
    CommandAccepted promise(@PathVariable String debtId, @RequestBody PromiseRequest body,
                            HttpServletRequest request) {
        Money amount = required(body.amount(), "amount");
        LocalDate promisedFor = required(body.promisedFor(), "promisedFor");
        return commands.sendAsDebtor(new MakePromiseToPay(new DebtId(debtId), amount, promisedFor,
                Channel.SELF_SERVICE, commands.today()), request, null);
    }

    private static LocalTime time(String text, String field) {
        if (text == null || !TIME.matcher(text).matches()) {
            throw new InvalidRequest(field + " must be a time of day as HH:mm");
        }
        try {
            return LocalTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequest(field + " must be a time of day as HH:mm");
        }
    }
}
