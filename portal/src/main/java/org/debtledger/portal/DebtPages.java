package org.debtledger.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person's debts, each with what it is for and what is owed now; and one debt in full: what has been paid and
 * when, the plan and its instalments, how to pay it, and what they can do next.
 */
@Controller("portalDebtPages")
class DebtPages {

    private final Debts debts;

    DebtPages(Debts debts) {
        this.debts = debts;
    }

    @GetMapping(PortalSecurity.HOME)
    String debts(@RequestParam(required = false) Long minPosition, Model model) {
        model.addAttribute("debts", debts.all(minPosition));
        return "portal/debts";
    }

    @GetMapping("/portal/debts/{debtId}")
    String debt(@PathVariable String debtId, @RequestParam(required = false) Long minPosition, Model model) {
        model.addAttribute("debt", debts.one(debtId, minPosition));
        return "portal/debt";
    }
}
