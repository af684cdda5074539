package org.debtledger.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;

/**
 * A debtor as the advisor on the phone sees them: every debt with its creditor, invoice and what is owed by
 * component, the totals, and what would settle everything on a date they choose. Personal data is shown only
 * when the advisor says why, and the reason goes to the access log with the read.
 */
@Controller
class DebtorPages {

    private static final int MOST_REASON_CHARACTERS = 500;

    private final LedgerApi api;
    private final Today today;

    DebtorPages(LedgerApi api, Today today) {
        this.api = api;
        this.today = today;
    }

    @GetMapping("/console/debtors/{debtorId}")
    String debtor(@PathVariable String debtorId, @RequestParam(required = false) LocalDate payoffDate,
                  @RequestParam(defaultValue = "") String reason, Model model) {
        LocalDate payoff = payoffDate != null ? payoffDate : today.date();
        model.addAttribute("debtorId", debtorId);
        model.addAttribute("payoffDate", payoff);
        model.addAttribute("balance", api.query(uri -> uri.path("/api/v1/debtors/{debtorId}/balance")
                .queryParam("payoffDate", payoff).build(debtorId)));
        String why = reason.strip();
        if (!why.isEmpty()) {
            if (why.length() > MOST_REASON_CHARACTERS) {
                throw new IllegalArgumentException("a reason is at most " + MOST_REASON_CHARACTERS + " characters");
            }
            model.addAttribute("reason", why);
            try {
                model.addAttribute("personal", api.query(uri -> uri.path("/api/v1/debtors/{debtorId}/personal-data")
                        .build(debtorId), why));
            } catch (Refusal refusal) {
                model.addAttribute("personalRefused", refusal.getMessage());
            }
        }
        return "console/debtor";
    }
}
