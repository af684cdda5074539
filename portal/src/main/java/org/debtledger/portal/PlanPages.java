package org.debtledger.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.debtledger.client.LedgerApi;
import org.debtledger.client.Refusal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Making a payment plan: the person chooses a number of instalments or how much they can pay a month; the page shows
 * exactly what the plan must cover today (interest to today included), whether it is free or what it costs, and
 * instalments that add up to it, which the person may change; it asks their monthly income and expenses, so that the
 * plan is one they can keep. A refusal is said kindly: a plan that does not add up says by how much, and one the
 * budget does not cover offers a call back instead.
 */
@Controller("portalPlanPages")
class PlanPages {

    /** As many as the ledger takes: ten years of monthly instalments. */
    static final int MOST_INSTALMENTS = 120;
    private static final int DEFAULT_INSTALMENTS = 3;

    private final LedgerApi api;
    private final Debts debts;

    PlanPages(LedgerApi api, Debts debts) {
        this.api = api;
        this.debts = debts;
    }

    /** One instalment of the form, as suggested or typed. */
    record Row(String dueDate, String amount) {
    }

    @GetMapping("/portal/debts/{debtId}/plan")
    String plan(@PathVariable String debtId, @RequestParam(required = false) Integer instalments,
                @RequestParam(required = false) String monthly, Model model) {
        Map<String, Object> debt = debts.one(debtId, null);
        int count = instalments != null ? clamp(instalments) : DEFAULT_INSTALMENTS;
        String currency = currencyOf(debt);
        Map<String, Object> quote = null;
        if (monthly != null && !monthly.isBlank()) {
            model.addAttribute("monthly", monthly.strip());
            BigDecimal perMonth = amount(monthly);
            if (perMonth == null || perMonth.signum() <= 0) {
                model.addAttribute("monthlyProblem", "plan.refused.unreadable");
            } else {
                try {
                    quote = api.get(LedgerApi.Side.COMMAND, uri -> uri
                            .path("/api/v1/self-service/debts/{debtId}/payment-plans/quote")
                            .queryParam("monthlyAmount", perMonth.toPlainString()).queryParam("currency", currency)
                            .build(debtId), null);
                } catch (Refusal refusal) {
                    if (refusal.status() != 400 && refusal.status() != 422) {
                        throw refusal;
                    }
                    model.addAttribute("monthlyProblem", refusal.status() == 400 ? "plan.refused.monthly-too-small"
                            : "rule." + refusal.rule());
                }
            }
        }
        if (quote == null) {
            try {
                quote = quote(debtId, count);
            } catch (Refusal refusal) {
                Object most = refusal.property("mostInstalments");
                if (!"INSTALMENT_BELOW_MINIMUM".equals(refusal.rule()) || most == null) {
                    throw refusal;
                }
                // fewer, larger instalments, as many as the least instalment allows
                model.addAttribute("fewer", true);
                quote = quote(debtId, clamp(Integer.parseInt(most.toString())));
            }
        }
        Map<?, ?> suggestion = (Map<?, ?>) quote.get("suggestion");
        List<Row> rows = new ArrayList<>();
        for (Object suggested : list(suggestion == null ? null : suggestion.get("instalments"))) {
            Map<?, ?> instalment = (Map<?, ?>) suggested;
            rows.add(new Row(String.valueOf(instalment.get("dueDate")),
                    Formats.in(LocaleContextHolder.getLocale()).number(((Map<?, ?>) instalment.get("amount"))
                            .get("amount"))));
        }
        show(debt, quote, rows.size(), rows, model);
        return "portal/plan";
    }

    @PostMapping("/portal/debts/{debtId}/plan")
    String agree(@PathVariable String debtId, @RequestParam List<String> dueDate, @RequestParam List<String> amount,
                 @RequestParam(defaultValue = "") String monthlyIncome,
                 @RequestParam(defaultValue = "") String monthlyExpenses, Model model, RedirectAttributes after) {
        if (dueDate.size() != amount.size() || dueDate.isEmpty() || dueDate.size() > MOST_INSTALMENTS) {
            throw new IllegalArgumentException("a plan has 1 to " + MOST_INSTALMENTS + " instalments");
        }
        Map<String, Object> debt = debts.one(debtId, null);
        Map<String, Object> quote = quote(debtId, dueDate.size());
        String currency = String.valueOf(((Map<?, ?>) quote.get("mustCover")).get("currency"));
        List<Row> rows = new ArrayList<>();
        List<Map<String, Object>> instalments = new ArrayList<>();
        BigDecimal planned = BigDecimal.ZERO;
        boolean readable = true;
        for (int i = 0; i < dueDate.size(); i++) {
            Row row = new Row(dueDate.get(i).strip(), amount.get(i).strip());
            rows.add(row);
            BigDecimal typed = amount(row.amount());
            readable &= typed != null && isDate(row.dueDate());
            if (typed != null) {
                planned = planned.add(typed);
                instalments.add(Map.of("dueDate", row.dueDate(), "amount", Map.of("amount", typed.toPlainString(),
                        "currency", currency)));
            }
        }
        BigDecimal income = amount(monthlyIncome);
        BigDecimal expenses = amount(monthlyExpenses);
        model.addAttribute("monthlyIncome", monthlyIncome.strip());
        model.addAttribute("monthlyExpenses", monthlyExpenses.strip());
        show(debt, quote, rows.size(), rows, model);
        if (!readable || income == null || expenses == null) {
            model.addAttribute("refusal", "plan.refused.unreadable");
            return "portal/plan";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instalments", instalments);
        body.put("affordability", Map.of(
                "monthlyIncome", Map.of("amount", income.toPlainString(), "currency", currency),
                "monthlyExpenses", Map.of("amount", expenses.toPlainString(), "currency", currency)));
        try {
            Map<String, Object> accepted = api.command("/api/v1/self-service/debts/{debtId}/payment-plans", body,
                    debtId);
            return Thanks.toDebt(debtId, accepted, "thanks.plan", after);
        } catch (Refusal refusal) {
            if (refusal.status() != 422) {
                throw refusal;
            }
            // the ledger says by how much a plan misses (shortfall or excess); else it is worked out from the quote
            BigDecimal mustCover = amountOf(quote.get("mustCover"));
            JsonNode shortfall = refusal.tree("shortfall");
            JsonNode excess = refusal.tree("excess");
            BigDecimal difference = shortfall != null ? new BigDecimal(shortfall.path("amount").asText())
                    : excess != null ? new BigDecimal(excess.path("amount").asText())
                    : mustCover.subtract(planned).abs();
            model.addAttribute("rule", refusal.rule());
            model.addAttribute("refusal", "rule." + refusal.rule());
            model.addAttribute("planned", Map.of("amount", planned.toPlainString(), "currency", currency));
            model.addAttribute("difference", Map.of("amount", difference.toPlainString(), "currency", currency));
            model.addAttribute("short", shortfall != null || excess == null && planned.compareTo(mustCover) < 0);
            return "portal/plan";
        }
    }

    private Map<String, Object> quote(String debtId, int instalments) {
        return api.get(LedgerApi.Side.COMMAND, uri -> uri.path("/api/v1/self-service/debts/{debtId}/payment-plans/quote")
                .queryParam("instalments", instalments).build(debtId), null);
    }

    private static String currencyOf(Map<String, Object> debt) {
        Object outstanding = debt.get("outstanding");
        Object total = outstanding instanceof Map<?, ?> parts ? parts.get("total") : null;
        return total instanceof Map<?, ?> money && money.get("currency") != null ? money.get("currency").toString()
                : "EUR";
    }

    private static void show(Map<String, Object> debt, Map<String, Object> quote, int count, List<Row> rows,
                             Model model) {
        model.addAttribute("debt", debt);
        model.addAttribute("quote", quote);
        model.addAttribute("count", count);
        model.addAttribute("rows", rows);
        model.addAttribute("most", MOST_INSTALMENTS);
    }

    private static int clamp(int instalments) {
        return Math.max(1, Math.min(instalments, MOST_INSTALMENTS));
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** An amount as a person types it (12,50 or 12.50 or 1 200), or null when it is none. */
    static BigDecimal amount(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String plain = typed.replaceAll("[\\s\u00a0\u202f€]", "").replace(',', '.');
        try {
            BigDecimal value = new BigDecimal(plain);
            return value.scale() > 2 || value.signum() < 0 ? null : value.setScale(2);
        } catch (NumberFormatException notAnAmount) {
            return null;
        }
    }

    private static BigDecimal amountOf(Object money) {
        return new BigDecimal(String.valueOf(((Map<?, ?>) money).get("amount")));
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (RuntimeException notADate) {
            return false;
        }
    }
}
