package org.debtledger.console;

import org.debtledger.client.LedgerApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The sign-in page, the start page, and finding a case. */
@Controller
class ConsolePages {

    private static final int MOST_QUERY_CHARACTERS = 100;

    private final LedgerApi api;
    private final ObjectProvider<ClientRegistrationRepository> identityProviders;
    private final String debtorsProvider;

    ConsolePages(LedgerApi api, ObjectProvider<ClientRegistrationRepository> identityProviders,
                 @Value("${ledger.portal.identity-provider:}") String debtorsProvider) {
        this.api = api;
        this.identityProviders = identityProviders;
        this.debtorsProvider = debtorsProvider;
    }

    /** The form for local users, and a way in through each staff identity provider configured. */
    @GetMapping(ConsoleSecurity.SIGN_IN)
    String signIn(Model model) {
        List<ClientRegistration> providers = ConsoleSecurity.staffProviders(identityProviders, debtorsProvider);
        model.addAttribute("providers", providers);
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
