package org.debtledger.console;

import org.debtledger.client.LedgerApi;
import org.debtledger.client.Refusal;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A debt as an advisor works it: where it stands, its plan, its timeline, and the actions taken while the debtor
 * is on the line. Every action is a command to the API; the page shown after it is at least as fresh as the
 * command's position, so the person sees what they just did.
 */
@Controller
class DebtPages {

    private final LedgerApi api;
    private final Today today;

    DebtPages(LedgerApi api, Today today) {
        this.api = api;
        this.today = today;
    }

    @GetMapping("/console/debts/{debtId}")
    String debt(@PathVariable String debtId, @RequestParam(required = false) Long minPosition,
                @RequestParam(required = false) Instant asOf, @RequestParam(required = false) Instant from,
                @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "false") boolean notes,
                Model model) {
        Map<String, Object> debt = api.query(uri -> uri.path("/api/v1/debts/{debtId}")
                .queryParamIfPresent("minPosition", Optional.ofNullable(minPosition)).build(debtId));
        model.addAttribute("debt", debt);
        model.addAttribute("history", api.query(uri -> uri.path("/api/v1/debts/{debtId}/history")
                .queryParam("minPosition", debt.get("position")).build(debtId)));
        if (asOf != null) {
            model.addAttribute("asOf", asOf);
            model.addAttribute("replay", api.query(uri -> uri.path("/api/v1/debts/{debtId}/history")
                    .queryParam("asOf", "{asOf}").build(debtId, asOf)));
        }
        if (from != null && to != null) {
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("changes", api.query(uri -> uri.path("/api/v1/debts/{debtId}/history")
                    .queryParam("from", "{from}").queryParam("to", "{to}").build(debtId, from, to)));
        }
        if (notes) {
            notes(debt, model);
        }
        model.addAttribute("today", today.date());
        return "console/debt";
    }

    // ---- the contact log
    /**
     * The notes of the debt's contacts by contact id, read only when the advisor asks for them (each read is in the
     * access log) and the debt has contacts; an erasure of the debtor's personal data took them with it, which the
     * page says.
     */
    private void notes(Map<String, Object> debt, Model model) {
        if (!(debt.get("contacts") instanceof List<?> contacts) || contacts.isEmpty()) {
            return;
        }
        try {
            Map<String, Object> filed = api.query(uri -> uri.path("/api/v1/debts/{debtId}/contact-notes")
                    .build(debt.get("debtId")));
            Map<Object, Object> notes = new HashMap<>();
            if (filed.get("notes") instanceof List<?> list) {
                for (Object note : list) {
                    if (note instanceof Map<?, ?> one) {
                        notes.put(one.get("contactId"), one.get("note"));
                    }
                }
            }
            model.addAttribute("notes", notes);
        } catch (Refusal refusal) {
            model.addAttribute("notesRefused", refusal.getMessage());
        }
    }

    @PostMapping("/console/debts/{debtId}/payments")
    String payment(@PathVariable String debtId, @RequestParam String amount, @RequestParam String currency,
                   @RequestParam LocalDate valueDate, RedirectAttributes after) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paymentId", "console-" + UUID.randomUUID());
        body.put("amount", Map.of("amount", amount.strip(), "currency", currency));
        body.put("valueDate", valueDate.toString());
        body.put("channel", "ADVISOR_PHONE");
        return act(debtId, "/payments", body, "Payment of " + amount.strip() + " " + currency + " recorded", after);
    }

    @PostMapping("/console/debts/{debtId}/pause")
    String pause(@PathVariable String debtId, @RequestParam String reason, @RequestParam LocalDate from,
                 @RequestParam LocalDate until, RedirectAttributes after) {
        return act(debtId, "/pause", Map.of("reason", reason, "from", from.toString(), "until", until.toString()),
                "Collection paused from " + from + " until " + until, after);
    }

    @PostMapping("/console/debts/{debtId}/resume")
    String resume(@PathVariable String debtId, @RequestParam LocalDate date, RedirectAttributes after) {
        return act(debtId, "/resume", Map.of("date", date.toString()), "Collection resumed on " + date, after);
    }

    @PostMapping("/console/debts/{debtId}/disputes")
    String dispute(@PathVariable String debtId, @RequestParam String reason, @RequestParam LocalDate date,
                   RedirectAttributes after) {
        return act(debtId, "/disputes", Map.of("reason", reason, "date", date.toString()), "Dispute opened", after);
    }

    @PostMapping("/console/debts/{debtId}/disputes/resolution")
    String resolve(@PathVariable String debtId, @RequestParam String outcome, @RequestParam LocalDate date,
                   RedirectAttributes after) {
        return act(debtId, "/disputes/resolution", Map.of("outcome", outcome, "date", date.toString()),
                "Dispute resolved: " + outcome.toLowerCase(Locale.ROOT), after);
    }

    @PostMapping("/console/debts/{debtId}/fees")
    String fee(@PathVariable String debtId, @RequestParam String type, @RequestParam(defaultValue = "") String amount,
               @RequestParam String currency, @RequestParam LocalDate date, RedirectAttributes after) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        if (!amount.isBlank()) {
            body.put("amount", Map.of("amount", amount.strip(), "currency", currency));
        }
        body.put("date", date.toString());
        return act(debtId, "/fees", body, type.charAt(0) + type.substring(1).toLowerCase(Locale.ROOT)
                + " fee charged", after);
    }

    // ---- promises to pay

    /** A promise the debtor makes on the phone: ADVISOR_PHONE. */
    @PostMapping("/console/debts/{debtId}/promises")
    String promise(@PathVariable String debtId, @RequestParam String amount, @RequestParam String currency,
                   @RequestParam LocalDate promisedFor, @RequestParam LocalDate date, RedirectAttributes after) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", Map.of("amount", amount.strip(), "currency", currency));
        body.put("promisedFor", promisedFor.toString());
        body.put("channel", "ADVISOR_PHONE");
        body.put("date", date.toString());
        return act(debtId, "/promises", body, "Promise to pay " + amount.strip() + " " + currency + " by "
                + promisedFor + " recorded", after);
    }

    @PostMapping("/console/debts/{debtId}/assignment")
    String assignToMe(@PathVariable String debtId, Authentication me, RedirectAttributes after) {
        return act(debtId, "/assignment", Map.of("advisorId", me.getName()), "The case is assigned to you", after);
    }

    // ---- the contact log
    /**
     * Records the contact, then files its note (what was said) under the contact's id as the debtor's personal data.
     * The contact is named here, so that sending it again records it once.
     */
    @PostMapping("/console/debts/{debtId}/contacts")
    String contact(@PathVariable String debtId, @RequestParam String direction, @RequestParam String channel,
                   @RequestParam String outcome, @RequestParam LocalDate date,
                   @RequestParam(required = false) LocalDate callBackOn,
                   @RequestParam(defaultValue = "") String callBackFrom,
                   @RequestParam(defaultValue = "") String callBackTo, @RequestParam(defaultValue = "") String note,
                   RedirectAttributes after) {
        String contactId = "console-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contactId", contactId);
        body.put("direction", direction);
        body.put("channel", channel);
        body.put("outcome", outcome);
        body.put("date", date.toString());
        if ("CALL_BACK_REQUESTED".equals(outcome) && callBackOn != null) {
            body.put("callBack", Map.of("on", callBackOn.toString(), "from", callBackFrom, "to", callBackTo));
        }
        String done = "Contact recorded: " + channel.toLowerCase(Locale.ROOT) + ", "
                + outcome.toLowerCase(Locale.ROOT).replace('_', ' ');
        String said = note.strip();
        boolean recorded = Outcome.of(() -> api.command("/api/v1/debts/{debtId}/contacts", body, debtId), done, after)
                .map(accepted -> after.addAttribute("minPosition", accepted.get("position"))).isPresent();
        if (recorded && !said.isEmpty()) {
            Outcome.of(() -> api.send(HttpMethod.PUT, LedgerApi.Side.QUERY,
                    "/api/v1/debts/{debtId}/contacts/{contactId}/note", Map.of("note", said), debtId, contactId),
                    done + ", with its note", after);
        }
        after.addAttribute("debtId", debtId);
        return "redirect:/console/debts/{debtId}";
    }

    /** Sends the command; back on the debt's page, fresh as the command, saying what was done or why not. */
    private String act(String debtId, String path, Object body, String done, RedirectAttributes after) {
        Outcome.of(() -> api.command("/api/v1/debts/{debtId}" + path, body, debtId), done, after)
                .ifPresent(accepted -> after.addAttribute("minPosition", accepted.get("position")));
        after.addAttribute("debtId", debtId);
        return "redirect:/console/debts/{debtId}";
    }
}
