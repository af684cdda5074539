package org.debtledger.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, the start page, and finding a case. */
@Controller
class ConsolePages {

    private static final int MOST_QUERY_CHARACTERS = 100;

    private final LedgerApi api;

    ConsolePages(LedgerApi api) {
        this.api = api;
    }

    @GetMapping(ConsoleSecurity.SIGN_IN)
    String signIn() {
        return "console/sign-in";
    }

    @GetMapping({"/console", "/console/"})
    String home() {
        return "console/home";
    }

    /** Cases found by a debtor's or an invoice's reference, a debt's id or RF reference, a creditor, or a name. */
    @GetMapping("/console/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        String query = q.strip();
        model.addAttribute("q", query);
        if (query.isEmpty() || query.length() > MOST_QUERY_CHARACTERS) {
            model.addAttribute("problem", query.isEmpty() ? null
                    : "a search is at most " + MOST_QUERY_CHARACTERS + " characters");
            return "console/home";
        }
        model.addAttribute("found", api.query(uri -> uri.path("/api/v1/search").queryParam("q", "{q}")
                .queryParam("page", Math.max(0, page)).queryParam("size", 20).build(query)));
        return "console/home";
    }
}
