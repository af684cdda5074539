package org.debtledger.console;

import org.debtledger.client.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import org.debtledger.edge.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.EnumSet;
import java.util.Set;

/**
 * What every console page knows: who is signed in and in which roles, so that a page shows only what the API
 * would allow them; and how a refusal the API gave to a page's read is shown.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleModel {

    /** The person signed in: their name and roles. */
    record Me(String name, Set<Role> roles) {

        boolean is(Role role) {
            return roles.contains(role);
        }

        public boolean advisor() {
            return is(Role.ADVISOR);
        }

        public boolean compliance() {
            return is(Role.COMPLIANCE);
        }

        public boolean operator() {
            return is(Role.OPERATOR);
        }

        /** Whether they may read debts and debtors' balances. */
        public boolean readsDebts() {
            return advisor() || compliance();
        }
    }

    @ModelAttribute("me")
    Me me(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(granted.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return new Me(authentication.getName(), roles);
    }

    /** A read the API refused: the page says why, with the API's own status. */
    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal.status());
        model.addAttribute("refusal", refusal);
        return "console/refused";
    }

    /** Input the page itself cannot take, such as a date in another form. */
    @ExceptionHandler(IllegalArgumentException.class)
    String unreadable(IllegalArgumentException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("refusal", new Refusal(400, e.getMessage(), null));
        return "console/refused";
    }
}
