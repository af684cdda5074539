package org.debtledger.console;

import org.debtledger.client.Refusal;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Optional;
import java.util.function.Supplier;

/** What a page says after an action: that it was done, or the ledger's refusal in its own words with the rule. */
final class Outcome {

    private Outcome() {
    }

    /**
     * Runs {@code action}; the page redirected to next says {@code done}, or why the ledger refused it.
     *
     * @return the action's answer, or empty when it was refused
     */
    static <T> Optional<T> of(Supplier<T> action, String done, RedirectAttributes next) {
        try {
            T answer = action.get();
            next.addFlashAttribute("done", done);
            return Optional.ofNullable(answer);
        } catch (Refusal refusal) {
            next.addFlashAttribute("refused", refusal.getMessage());
            next.addFlashAttribute("rule", refusal.rule());
            return Optional.empty();
        }
    }

    /** The refusal, for the page rendered now. */
    static void refused(Refusal refusal, Model model) {
        model.addAttribute("refused", refusal.getMessage());
        model.addAttribute("rule", refusal.rule());
    }
}
