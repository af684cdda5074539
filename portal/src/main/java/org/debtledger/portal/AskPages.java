package org.debtledger.portal;

import org.debtledger.client.LedgerApi;
import org.debtledger.client.Refusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a person can ask for, each on a page of its own that says what it means before they confirm: more time on
 * the due date (free, or what it costs), a pause while they see a free debt counsellor, a dispute of the debt, and
 * a call back from an advisor at a time that suits them.
 */
@Controller("portalAskPages")
class AskPages {

    /** As far as the ledger moves a due date at a time. */
    static final int MOST_EXTENSION_DAYS = 366;

    static final int MOST_REASON_CHARACTERS = 500;

    private final LedgerApi api;
    private final Debts debts;
    private final Today today;

    AskPages(LedgerApi api, Debts debts, Today today) {
        this.api = api;
        this.debts = debts;
        this.today = today;
    }

    @GetMapping("/portal/debts/{debtId}/more-time")
    String moreTime(@PathVariable String debtId, @RequestParam(required = false) Integer days, Model model) {
        model.addAttribute("debt", debts.one(debtId, null));
        model.addAttribute("most", MOST_EXTENSION_DAYS);
        if (days != null) {
            int asked = Math.max(1, Math.min(days, MOST_EXTENSION_DAYS));
            model.addAttribute("days", asked);
            try {
                model.addAttribute("quote", api.get(LedgerApi.Side.COMMAND, uri -> uri
                        .path("/api/v1/self-service/debts/{debtId}/extensions/quote").queryParam("days", asked)
                        .build(debtId), null));
            } catch (Refusal refusal) {
                refused(refusal, model);
            }
        }
        return "portal/more-time";
    }

    @PostMapping("/portal/debts/{debtId}/more-time")
    String askMoreTime(@PathVariable String debtId, @RequestParam int days, Model model, RedirectAttributes after) {
        return act(debtId, () -> api.command("/api/v1/self-service/debts/{debtId}/extensions",
                        Map.of("days", days), debtId), "thanks.more-time", after, model,
                () -> moreTime(debtId, days, model));
    }

    @GetMapping("/portal/debts/{debtId}/pause")
    String pause(@PathVariable String debtId, Model model) {
        model.addAttribute("debt", debts.one(debtId, null));
        model.addAttribute("until", today.date().plusMonths(3));
        model.addAttribute("today", today.date());
        return "portal/pause";
    }

    @PostMapping("/portal/debts/{debtId}/pause")
    String askPause(@PathVariable String debtId,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until, Model model,
                    RedirectAttributes after) {
        return act(debtId, () -> api.command("/api/v1/self-service/debts/{debtId}/pause",
                        Map.of("until", until.toString()), debtId), "thanks.pause", after, model, () -> {
                    pause(debtId, model);
                    model.addAttribute("until", until);
                    return "portal/pause";
                });
    }

    @GetMapping("/portal/debts/{debtId}/dispute")
    String dispute(@PathVariable String debtId, Model model) {
        model.addAttribute("debt", debts.one(debtId, null));
        return "portal/dispute";
    }

    @PostMapping("/portal/debts/{debtId}/dispute")
    String askDispute(@PathVariable String debtId, @RequestParam String reason, Model model,
                      RedirectAttributes after) {
        if (reason.isBlank() || reason.strip().length() > MOST_REASON_CHARACTERS) {
            model.addAttribute("refusal", "dispute.reason-needed");
            model.addAttribute("reason", reason);
            return dispute(debtId, model);
        }
        return act(debtId, () -> api.command("/api/v1/self-service/debts/{debtId}/disputes",
                        Map.of("reason", reason.strip()), debtId), "thanks.dispute", after, model, () -> {
                    model.addAttribute("reason", reason);
                    return dispute(debtId, model);
                });
    }

    @GetMapping("/portal/debts/{debtId}/call-back")
    String callBack(@PathVariable String debtId, Model model) {
        model.addAttribute("debt", debts.one(debtId, null));
        if (!model.containsAttribute("on")) {
            model.addAttribute("on", today.date().plusDays(1));
            model.addAttribute("from", LocalTime.of(9, 0));
            model.addAttribute("to", LocalTime.of(12, 0));
        }
        model.addAttribute("today", today.date());
        return "portal/call-back";
    }

    @PostMapping("/portal/debts/{debtId}/call-back")
    String askCallBack(@PathVariable String debtId,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime from,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime to, Model model,
                       RedirectAttributes after) {
        return act(debtId, () -> api.command("/api/v1/self-service/debts/{debtId}/call-backs",
                        Map.of("on", on.toString(), "from", hoursAndMinutes(from), "to", hoursAndMinutes(to)), debtId),
                "thanks.call-back", after, model, () -> {
                    model.addAttribute("on", on);
                    model.addAttribute("from", from);
                    model.addAttribute("to", to);
                    return callBack(debtId, model);
                });
    }

    // ---- promises to pay

    @GetMapping("/portal/debts/{debtId}/promise")
    String promise(@PathVariable String debtId, Model model) {
        model.addAttribute("debt", debts.one(debtId, null));
        if (!model.containsAttribute("promisedFor")) {
            model.addAttribute("promisedFor", today.date().plusDays(7));
        }
        model.addAttribute("today", today.date());
        return "portal/promise";
    }

    /** An amount as the person types it (12,50 or 12.50), in the debt's currency, by a day they choose. */
    @PostMapping("/portal/debts/{debtId}/promise")
    String makePromise(@PathVariable String debtId, @RequestParam String amount,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate promisedFor,
                       Model model, RedirectAttributes after) {
        java.math.BigDecimal typed = PlanPages.amount(amount);
        Supplier<String> again = () -> {
            model.addAttribute("amount", amount);
            model.addAttribute("promisedFor", promisedFor);
            return promise(debtId, model);
        };
        if (typed == null || typed.signum() <= 0) {
            model.addAttribute("refusal", "promise.amount.invalid");
            return again.get();
        }
        Map<?, ?> owed = (Map<?, ?>) ((Map<?, ?>) debts.one(debtId, null).get("outstanding")).get("total");
        return act(debtId, () -> api.command("/api/v1/self-service/debts/{debtId}/promises",
                Map.of("amount", Map.of("amount", typed.toPlainString(), "currency", owed.get("currency")),
                        "promisedFor", promisedFor.toString()), debtId), "thanks.promise", after, model, again);
    }

    /** Sends the request; on a refusal by rule, the same page again saying kindly why. */
    private String act(String debtId, Supplier<Map<String, Object>> request, String thanks, RedirectAttributes after,
                       Model model, Supplier<String> again) {
        try {
            return Thanks.toDebt(debtId, request.get(), thanks, after);
        } catch (Refusal refusal) {
            if (refusal.status() != 422 && refusal.status() != 400) {
                throw refusal;
            }
            refused(refusal, model);
            return again.get();
        }
    }

    private static String hoursAndMinutes(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    private static void refused(Refusal refusal, Model model) {
        model.addAttribute("rule", refusal.rule());
        model.addAttribute("refusal", refusal.rule() == null ? "rule.other" : "rule." + refusal.rule());
    }
}
