package org.debtledger.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.debtledger.client.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every portal page knows: the person's language and how amounts and dates read in it, the languages to switch
 * to, the page's own path (to switch language on it), and whether someone is signed in; and what a page says when
 * the ledger cannot answer it: never the ledger's own words, which are for staff, but a kind sentence in the person's
 * language.
 */
@ControllerAdvice(basePackageClasses = PortalModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalModel {

    private static final Logger log = LoggerFactory.getLogger(PortalModel.class);

    @ModelAttribute("fmt")
    Formats formats(Locale locale) {
        return Formats.in(locale);
    }

    @ModelAttribute("languages")
    List<Language> languages() {
        return List.of(Language.values());
    }

    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        return request.getServletPath();
    }

    @ModelAttribute("signedIn")
    boolean signedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** An exception handler's model has none of the attributes above: the page needs them all the same. */
    private void common(Model model, HttpServletRequest request, Locale locale, Authentication authentication) {
        model.addAttribute("fmt", formats(locale));
        model.addAttribute("languages", languages());
        model.addAttribute("here", PortalSecurity.HOME);
        model.addAttribute("signedIn", signedIn(authentication));
    }

    /** A read the ledger refused or could not answer. */
    private static final Pattern DEBT_PAGE = Pattern.compile(".*/portal/debts/([^/]+)/[^/]+");

    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, Model model, HttpServletRequest request, HttpServletResponse response,
                   Locale locale, Authentication authentication) {
        // the status, kind and rule only: the problem's words may quote a person's data
        log.info("a portal page was refused by the ledger: {} {} {}", refusal.status(), refusal.kind(),
                refusal.rule());
        common(model, request, locale, authentication);
        response.setStatus(refusal.status() == 404 ? 404 : refusal.status() >= 500 ? 503 : refusal.status());
        model.addAttribute("problem", refusal.status() == 404 ? "problem.not-found"
                : refusal.status() == 401 || refusal.status() == 403 ? "problem.signed-out"
                : refusal.status() >= 500 ? "problem.unavailable" : "problem.general");
        // a rule that refused a page of one debt (a quote of today's interest, say): its words, and a call back
        Matcher debtPage = DEBT_PAGE.matcher(request.getRequestURI());
        if (refusal.status() == 422 && refusal.rule() != null && debtPage.matches()) {
            model.addAttribute("rule", "rule." + refusal.rule());
            model.addAttribute("callBackFor", debtPage.group(1));
        }
        return "portal/problem";
    }

    /** Input the page cannot take, such as a number of instalments that is no number. */
    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class})
    String unreadable(Exception e, Model model, HttpServletRequest request, HttpServletResponse response,
                      Locale locale, Authentication authentication) {
        common(model, request, locale, authentication);
        response.setStatus(400);
        model.addAttribute("problem", "problem.unreadable");
        return "portal/problem";
    }

    /** The ledger out of reach. */
    @ExceptionHandler(org.springframework.web.client.ResourceAccessException.class)
    String unreachable(Exception e, Model model, HttpServletRequest request, HttpServletResponse response,
                       Locale locale, Authentication authentication) {
        common(model, request, locale, authentication);
        response.setStatus(503);
        model.addAttribute("problem", "problem.unavailable");
        return "portal/problem";
    }
}
