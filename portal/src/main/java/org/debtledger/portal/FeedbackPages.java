package org.debtledger.portal;

import org.debtledger.client.LedgerApi;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.Map;

/**
 * After an action, one optional question: how easy was it, from 1 to 5, and anything the person wants to say. The
 * answer goes to the ledger without their reference; team leads read the share of good answers by month.
 */
@Controller("portalFeedbackPages")
class FeedbackPages {

    /** What each thank-you follows, as the ledger names it. */
    private static final Map<String, String> ABOUT = Map.of("thanks.plan", "PLAN", "thanks.more-time", "EXTENSION",
            "thanks.pause", "PAUSE", "thanks.dispute", "DISPUTE", "thanks.call-back", "CALL_BACK");

    static final int MOST_COMMENT_CHARACTERS = 1000;

    private final LedgerApi api;

    FeedbackPages(LedgerApi api) {
        this.api = api;
    }

    /** What the thank-you {@code said} follows, or what the service as a whole is rated as. */
    static String about(String said) {
        return ABOUT.getOrDefault(said, "SERVICE");
    }

    @PostMapping("/portal/feedback")
    String give(@RequestParam String debtId, @RequestParam String about, @RequestParam(required = false) Integer rating,
                @RequestParam(defaultValue = "") String comment, RedirectAttributes after) {
        after.addAttribute("debtId", debtId);
        if (rating == null || rating < 1 || rating > 5 || !ABOUT.containsValue(about) && !about.equals("SERVICE")) {
            after.addFlashAttribute("thanks", "feedback.none");
            return "redirect:/portal/debts/{debtId}";
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put("about", about);
        answer.put("rating", rating);
        String said = comment.strip();
        if (!said.isEmpty()) {
            answer.put("comment", said.length() > MOST_COMMENT_CHARACTERS
                    ? said.substring(0, MOST_COMMENT_CHARACTERS) : said);
        }
        api.send(HttpMethod.POST, LedgerApi.Side.QUERY, "/api/v1/self-service/feedback", answer);
        after.addFlashAttribute("thanks", "feedback.thanks");
        return "redirect:/portal/debts/{debtId}";
    }
}
