package org.debtledger.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The statement of a debt the law gives the person: how each interest amount was reckoned (days, rate, where the
 * rate comes from), each fee with what it was for and the most the law allows, each payment and what it paid, and
 * the totals. A page to read and print, and the same page as a PDF to keep, made from the same template and the same
 * answer, so their figures are equal to the cent.
 */
@Controller("portalStatementPages")
class StatementPages {

    private final Debts debts;
    private final StatementPdf pdf;

    StatementPages(Debts debts, StatementPdf pdf) {
        this.debts = debts;
        this.pdf = pdf;
    }

    @GetMapping("/portal/debts/{debtId}/statement")
    String statement(@PathVariable String debtId, @RequestParam(required = false) Long minPosition, Model model) {
        model.addAttribute("statement", debts.statement(debtId, minPosition));
        model.addAttribute("pdf", false);
        return "portal/statement";
    }

    @GetMapping("/portal/debts/{debtId}/statement.pdf")
    ResponseEntity<byte[]> statementPdf(@PathVariable String debtId, Locale locale, HttpServletRequest request,
                                        HttpServletResponse response) {
        Map<String, Object> model = new HashMap<>();
        model.put("statement", debts.statement(debtId, null));
        model.put("fmt", Formats.in(locale));
        model.put("pdf", true);
        byte[] document = pdf.render("portal/statement", model, locale, request, response);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("statement-" + debtId.replaceAll("[^A-Za-z0-9-]", "") + ".pdf").build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(document);
    }
}
