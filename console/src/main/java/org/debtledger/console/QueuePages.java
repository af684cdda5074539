package org.debtledger.console;

import org.debtledger.client.LedgerApi;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The advisor's work queue: open work, most urgent first, filtered by type, creditor and assignee, reloaded when
 * the queue's stream says it changed; and "take the next one", which assigns the most urgent unassigned case to
 * the advisor and opens it.
 */
@Controller
class QueuePages {

    /** What raises each kind of work and what closes it, as the page explains it. */
    static final Map<String, String> TYPES = types();

    private final LedgerApi api;
    private final Today today;
    private final QueueRelay relay;

    QueuePages(LedgerApi api, Today today, QueueRelay relay) {
        this.api = api;
        this.today = today;
        this.relay = relay;
    }

    private static Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        // ---- promises to pay
        types.put("PROMISE_BROKEN", "a promise to pay was broken by close of business after its day and grace (the"
                + " reason says how much arrived); due at once; closed when a later promise is kept, a plan is"
                + " agreed or the debt ends");
        types.put("PLAN_BROKEN", "a plan was broken by missed instalments; closed by a new plan");
        types.put("LIMITATION_APPROACHING", "the claim becomes time-barred within 90 days; closed by a payment, a plan"
                + " or a demand, which restart the limitation, or when it is time-barred");
        types.put("DISPUTE_OPENED", "the debtor disputes the claim; closed when the dispute is resolved");
        types.put("INSTALMENT_MISSED", "an instalment was not paid within its grace days; closed when it is paid");
        types.put("PAYMENT_REVERSED", "a payment was reversed; closed by the next payment");
        types.put("OVERPAYMENT_TO_REFUND", "the debtor paid more than owed; closed when the credit is refunded");
        types.put("CALL_BACK", "the debtor asked, through self-service or on a call, to be called back, due on the"
                + " day they asked for (the time window is in the item's reason); closed by the next contact that"
                + " reaches the debtor, or when the debt closes");
        types.put("PAUSE_ENDING", "a pause ends within 7 days; closed when collection resumes");
        types.put("NO_PLAN_NO_CONTACT", "no plan and no contact 14 days after registration; closed by a plan, a"
                + " payment, a dispute or a contact that reaches the debtor (not by taking the case)");
        return types;
    }

    @GetMapping("/console/queue")
    String queue(@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String creditorId,
                 @RequestParam(defaultValue = "") String advisorId, @RequestParam(defaultValue = "0") int page,
                 Model model) {
        model.addAttribute("types", TYPES);
        model.addAttribute("type", type);
        model.addAttribute("creditorId", creditorId);
        model.addAttribute("advisorId", advisorId);
        model.addAttribute("queue", items(type, creditorId, advisorId, page));
        return "console/queue";
    }

    /** The items alone, for the page to refresh its table while it is open. */
    @GetMapping("/console/queue/items")
    String items(@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String creditorId,
                 @RequestParam(defaultValue = "") String advisorId, @RequestParam(defaultValue = "0") int page,
                 Model model) {
        model.addAttribute("queue", items(type, creditorId, advisorId, page));
        return "console/queue :: items";
    }

    /** Tells the open page whenever the queue changes, from now on. */
    @GetMapping(path = "/console/queue/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter changes() {
        return relay.follow(api.readPosition(uri -> uri.path("/api/v1/advisor-queue").queryParam("size", 1)
                .build()));
    }

    @PostMapping("/console/queue/next")
    @SuppressWarnings("unchecked")
    String takeNext(@RequestParam(defaultValue = "") String type, Authentication me, RedirectAttributes after) {
        List<Map<String, Object>> open = (List<Map<String, Object>>) items(type, "", "", 0).get("items");
        Optional<Map<String, Object>> next = open.stream().filter(item -> item.get("advisorId") == null).findFirst();
        if (next.isEmpty()) {
            after.addFlashAttribute("done", "No unassigned work is waiting");
            return "redirect:/console/queue";
        }
        String debtId = (String) next.get().get("debtId");
        Outcome.of(() -> api.command("/api/v1/debts/{debtId}/assignment", Map.of("advisorId", me.getName()), debtId),
                        "Taken: " + next.get().get("reason"), after)
                .ifPresent(accepted -> after.addAttribute("minPosition", accepted.get("position")));
        after.addAttribute("debtId", debtId);
        return "redirect:/console/debts/{debtId}";
    }

    private Map<String, Object> items(String type, String creditorId, String advisorId, int page) {
        return api.query(uri -> uri.path("/api/v1/advisor-queue")
                .queryParam("today", today.date())
                .queryParamIfPresent("type", present(type).filter(TYPES::containsKey))
                .queryParamIfPresent("creditorId", present(creditorId).map(ignored -> "{creditorId}"))
                .queryParamIfPresent("advisorId", present(advisorId).map(ignored -> "{advisorId}"))
                .queryParam("page", Math.max(0, page)).queryParam("size", 50)
                .build(Map.of("creditorId", creditorId.strip(), "advisorId", advisorId.strip())));
    }

    private static Optional<String> present(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
