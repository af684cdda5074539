package org.debtledger.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The front page, which is the portal, and its sign-in form, with the way in through the identity provider. */
@Controller("portalSignInPages")
class SignInPages {

    /** The debtors' identity provider's registration id; blank when people sign in with their letter's code only. */
    private final String identityProvider;

    SignInPages(@Value("${ledger.portal.identity-provider:}") String identityProvider) {
        this.identityProvider = identityProvider.strip();
    }

    @GetMapping({"/", "/portal", "/portal/"})
    String front() {
        return "redirect:" + PortalSecurity.HOME;
    }

    /** {@code wait}: seconds until the reference may be tried again, said in whole minutes. */
    @GetMapping(PortalSecurity.SIGN_IN)
    String signIn(@RequestParam(required = false) String wait, Model model) {
        if (wait != null) {
            long seconds = wait.matches("[0-9]{1,6}") ? Long.parseLong(wait) : 60;
            model.addAttribute("waitMinutes", Math.max(1, (seconds + 59) / 60));
        }
        if (!identityProvider.isEmpty()) {
            model.addAttribute("identityProvider", PortalSecurity.IDENTITY_PROVIDER + "/" + identityProvider);
        }
        return "portal/sign-in";
    }
}
