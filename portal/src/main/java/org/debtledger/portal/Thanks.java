package org.debtledger.portal;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/** After an action: back to the debt, read as of the action's own event, with a short thank-you. */
final class Thanks {

    private Thanks() {
    }

    /** The redirect to the debt's page; {@code said} is the message key of the thank-you. */
    static String toDebt(String debtId, Map<String, Object> accepted, String said, RedirectAttributes after) {
        after.addFlashAttribute("thanks", said);
        after.addFlashAttribute("feedbackAbout", FeedbackPages.about(said));
        after.addAttribute("debtId", debtId);
        Object position = accepted == null ? null : accepted.get("position");
        if (position != null) {
            after.addAttribute("minPosition", position);
        }
        return "redirect:/portal/debts/{debtId}";
    }
}
