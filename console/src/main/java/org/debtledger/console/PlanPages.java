package org.debtledger.console;

import org.debtledger.client.LedgerApi;
import org.debtledger.client.Refusal;
import org.debtledger.money.Money;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agreeing a payment plan with the debtor on the line: the page shows exactly what the plan must cover on the day
 * it is agreed (interest to that day and the plan's fee included, as the ledger quotes it), suggests equal monthly
 * instalments that sum to it to the cent, shows the fee or that the plan is free, takes the debtor's monthly income
 * and expenses, and shows a refusal by rule in the ledger's own words, keeping what was typed.
 */
@Controller
class PlanPages {

    private static final int MOST_INSTALMENTS = 360;

    private final LedgerApi api;
    private final Today today;

    PlanPages(LedgerApi api, Today today) {
        this.api = api;
        this.today = today;
    }

    /** One instalment row of the form, as typed. */
    record Row(String dueDate, String amount) {
    }

    @GetMapping("/console/debts/{debtId}/plan")
    String plan(@PathVariable String debtId, @RequestParam(required = false) LocalDate date,
                @RequestParam(defaultValue = "3") int count, @RequestParam(required = false) LocalDate firstDue,
                Model model) {
        LocalDate agreed = date != null ? date : today.date();
        int instalments = Math.max(1, Math.min(count, MOST_INSTALMENTS));
        LocalDate first = firstDue != null ? firstDue : agreed.plusMonths(1);
        Money total = show(debtId, agreed, instalments, model);
        List<Row> rows = new ArrayList<>();
        List<Money> amounts = total.isPositive() ? total.split(instalments) : List.of();
        for (int i = 0; i < amounts.size(); i++) {
            rows.add(new Row(first.plusMonths(i).toString(), amounts.get(i).amount()));
        }
        model.addAttribute("count", instalments);
        model.addAttribute("firstDue", first);
        model.addAttribute("rows", rows);
        return "console/plan";
    }

    @PostMapping("/console/debts/{debtId}/plan")
    String agree(@PathVariable String debtId, @RequestParam LocalDate date, @RequestParam List<String> dueDate,
                 @RequestParam List<String> amount, @RequestParam(defaultValue = "") String monthlyIncome,
                 @RequestParam(defaultValue = "") String monthlyExpenses,
                 @RequestParam(defaultValue = "") String overrideReason, Model model, RedirectAttributes after) {
        if (dueDate.size() != amount.size() || dueDate.isEmpty() || dueDate.size() > MOST_INSTALMENTS) {
            throw new IllegalArgumentException("a plan has 1 to " + MOST_INSTALMENTS
                    + " instalments, each with a due date and an amount");
        }
        Money total = show(debtId, date, dueDate.size(), model);
        String currency = total.currency().getCurrencyCode();
        List<Row> rows = new ArrayList<>();
        List<Map<String, Object>> instalments = new ArrayList<>();
        for (int i = 0; i < dueDate.size(); i++) {
            rows.add(new Row(dueDate.get(i).strip(), amount.get(i).strip()));
            instalments.add(Map.of("dueDate", dueDate.get(i).strip(),
                    "amount", Map.of("amount", amount.get(i).strip(), "currency", currency)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instalments", instalments);
        body.put("channel", "ADVISOR_PHONE");
        body.put("date", date.toString());
        if (!monthlyIncome.isBlank() || !monthlyExpenses.isBlank()) {
            body.put("affordability", Map.of(
                    "monthlyIncome", Map.of("amount", monthlyIncome.strip(), "currency", currency),
                    "monthlyExpenses", Map.of("amount", monthlyExpenses.strip(), "currency", currency)));
        }
        if (!overrideReason.isBlank()) {
            body.put("affordabilityOverrideReason", overrideReason.strip());
        }
        try {
            Map<String, Object> accepted = api.command("/api/v1/debts/{debtId}/payment-plans", body, debtId);
            after.addFlashAttribute("done", "Plan of " + rows.size() + " instalments agreed");
            after.addAttribute("minPosition", accepted.get("position"));
            after.addAttribute("debtId", debtId);
            return "redirect:/console/debts/{debtId}";
        } catch (Refusal refusal) {
            Outcome.refused(refusal, model);
            model.addAttribute("rows", rows);
            model.addAttribute("count", rows.size());
            model.addAttribute("firstDue", rows.get(0).dueDate());
            model.addAttribute("monthlyIncome", monthlyIncome);
            model.addAttribute("monthlyExpenses", monthlyExpenses);
            model.addAttribute("overrideReason", overrideReason);
            return "console/plan";
        }
    }

    /**
     * Puts the debt and the ledger's quote for a plan of {@code instalments} agreed on {@code date} in the model, and
     * answers what the plan must cover.
     */
    @SuppressWarnings("unchecked")
    private Money show(String debtId, LocalDate date, int instalments, Model model) {
        Map<String, Object> debt = api.query(uri -> uri.path("/api/v1/debts/{debtId}").build(debtId));
        Map<String, Object> quote = api.get(LedgerApi.Side.COMMAND, uri -> uri
                .path("/api/v1/debts/{debtId}/payment-plans/quote").queryParam("instalments", instalments)
                .queryParam("date", date).build(debtId), null);
        Map<String, Object> mustCover = (Map<String, Object>) quote.get("mustCover");
        model.addAttribute("debt", debt);
        model.addAttribute("date", date);
        model.addAttribute("quote", quote);
        return Money.of((String) mustCover.get("amount"), (String) mustCover.get("currency"));
    }
}
