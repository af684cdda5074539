package org.debtledger.console;

import org.debtledger.client.LedgerApi;
import org.debtledger.client.Refusal;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A debtor as the advisor on the phone sees them: every debt with its creditor, invoice and what is owed by
 * component, the totals, and what would settle everything on a date they choose. Personal data is shown only
 * when the advisor says why, and the reason goes to the access log with the read.
 */
@Controller
class DebtorPages {

    private static final int MOST_REASON_CHARACTERS = 500;
    /** When an access code expires, as the advisor reads it out. */
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> PERSONAL_FIELDS = List.of("name", "address", "nationalId", "email", "phone");

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

    /** Records the debtor's personal data, kept apart from the events under the debtor's own key. */
    @PostMapping("/console/debtors/{debtorId}/personal-data")
    String record(@PathVariable String debtorId, @RequestParam Map<String, String> form, RedirectAttributes after) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (String field : PERSONAL_FIELDS) {
            String value = form.getOrDefault(field, "").strip();
            data.put(field, value.isEmpty() ? null : value);
        }
        Outcome.of(() -> api.send(HttpMethod.PUT, LedgerApi.Side.QUERY, "/api/v1/debtors/{debtorId}/personal-data",
                data, debtorId), "Personal data recorded", after);
        return backTo(debtorId, after);
    }

    /** Erases the debtor's personal data for good: its key is destroyed; the debts and their history stay. */
    @PostMapping("/console/debtors/{debtorId}/erasure")
    String erase(@PathVariable String debtorId, @RequestParam String reason, RedirectAttributes after) {
        Outcome.of(() -> api.send(HttpMethod.POST, LedgerApi.Side.QUERY, "/api/v1/debtors/{debtorId}/erasure",
                Map.of("reason", reason.strip()), debtorId), "Personal data erased", after);
        return backTo(debtorId, after);
    }

    /**
     * Issues the debtor an access code for self-service, retiring any earlier one: shown here once, to be given with
     * the debtor's reference (on the phone, or printed on a letter); only its hash is kept.
     */
    @PostMapping("/console/debtors/{debtorId}/access-codes")
    String issueAccessCode(@PathVariable String debtorId, RedirectAttributes after) {
        Outcome.of(() -> api.send(HttpMethod.POST, LedgerApi.Side.QUERY, "/api/v1/debtors/{debtorId}/access-codes",
                null, debtorId), "Access code issued", after)
                .ifPresent(issued -> after.addFlashAttribute("accessCode", new IssuedCode((String) issued.get("code"),
                        UNTIL.format(Instant.parse((String) issued.get("expiresAt"))))));
        return backTo(debtorId, after);
    }

    record IssuedCode(String code, String validUntil) {
    }

    private static String backTo(String debtorId, RedirectAttributes after) {
        after.addAttribute("debtorId", debtorId);
        return "redirect:/console/debtors/{debtorId}";
    }
}
