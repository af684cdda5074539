package org.debtledger.portal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A page of the portal as a PDF: the page's own Thymeleaf template filled with the same model, laid out by
 * openhtmltopdf with the print style sheet, in DejaVu Sans, embedded, which has every letter of Finnish and Swedish
 * and the euro sign.
 */
@Component("portalStatementPdf")
class StatementPdf {

    private static final String FONT = "portal/fonts/DejaVuSans.ttf";
    private static final String BOLD_FONT = "portal/fonts/DejaVuSans-Bold.ttf";
    private static final String STYLE = "portal/pdf.css";

    private final ITemplateEngine templates;
    private final String style;

    StatementPdf(ITemplateEngine templates) {
        this.templates = templates;
        try (InputStream css = new ClassPathResource(STYLE).getInputStream()) {
            this.style = new String(css.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(String template, Map<String, Object> model, Locale locale, HttpServletRequest request,
                  HttpServletResponse response) {
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), locale, model);
        context.setVariable("pdfStyle", style);
        String html = templates.process(template, context);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> stream(FONT), "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> stream(BOLD_FONT), "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private static InputStream stream(String resource) {
        try {
            return new ClassPathResource(resource).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
