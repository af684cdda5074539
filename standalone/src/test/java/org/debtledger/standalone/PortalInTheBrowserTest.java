package org.debtledger.standalone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The debtor portal as a person with a debt uses it, on a phone's width: a real headless Chromium on the front page
 * of a whole ledger, signed in with the reference and access code an advisor issued. Screenshots are saved in
 * {@code target/portal-screenshots}.
 */
class PortalInTheBrowserTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Helsinki"));
    private static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private static final AtomicInteger DEBTS = new AtomicInteger();
    private static final int PHONE = 390;

    @TempDir
    static Path dataDirectory;

    private static StandaloneLedger ledger;
    private static Browser browser;

    @BeforeAll
    static void start() {
        ledger = StandaloneLedger.start(dataDirectory);
        referenceRatesThroughNextMonth();
        browser = Browser.open(ledger.port());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        ledger.close();
    }

    /** Interest to today needs the reference rate of each half year it runs in, as an operator adds them. */
    private static void referenceRatesThroughNextMonth() {
        for (LocalDate start = LocalDate.of(2026, 7, 1); !start.isAfter(TODAY.plusDays(30));
             start = start.plusMonths(6)) {
            StandaloneLedger.Answer added = ledger.as("operator").send("PUT", "/api/v1/reference-rates/FI/" + start,
                    "{\"until\": \"" + start.plusMonths(6).minusDays(1) + "\", \"referenceRate\": \"2.00\","
                            + " \"source\": \"the test's own\"}");
            assertThat(added.status()).as(added.toString()).isIn(200, 201);
        }
    }

    /** A debt of 250.00 EUR for broadband, registered through the API, due 60 days ago; its id. */
    private static String register(String debtorId, String invoice) {
        String debtId = "POR" + System.nanoTime() % 1_000_000_000 + DEBTS.incrementAndGet();
        StandaloneLedger.Answer answer = ledger.post("/api/v1/debts", """
                {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "%s", "invoiceReference": "%s",
                 "invoicePeriod": {"from": "%s", "to": "%s"}, "description": "Laajakaista",
                 "principal": {"amount": "250.00", "currency": "EUR"}, "dueDate": "%s",
                 "debtType": "CONSUMER", "jurisdiction": "FI", "date": "%s"}"""
                .formatted(debtId, debtorId, invoice, TODAY.minusDays(105), TODAY.minusDays(75),
                        TODAY.minusDays(60), TODAY.minusDays(45)));
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(201);
        assertThat(ledger.get("/api/v1/debts/" + debtId + "?minPosition=" + answer.json().path("position").asLong())
                .status()).isEqualTo(200);
        return debtId;
    }

    /** An advisor issues the debtor an access code on the console's debtor page, to give with the reference. */
    private static String accessCodeFromTheConsole(String debtorId) {
        browser.signIn("advisor");
        browser.go("/console/debtors/" + debtorId);
        browser.press("Issue an access code");
        String code = browser.text(By.cssSelector(".issued .code"));
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        browser.screenshot(SCREENSHOTS, "console-access-code");
        browser.press("Sign out");
        return code;
    }

    private static void onThePhone(String screenshot) {
        browser.screenshot(SCREENSHOTS, screenshot);
        assertThat(browser.unnamedFields()).as("fields a screen reader could not name").isEmpty();
        assertThat(browser.widerThanTheWindow()).as("nothing wider than the phone but the tables, which scroll in"
                + " their own box").isFalse();
    }

    private static String plain(String text) {
        return text.replace('\u00a0', ' ');
    }

    @Test
    void aDebtorSignsInReadsTheirDebtAndStatementMakesAPlanAsksForACallBackAndAPause() throws Exception {
        String debtor = "portal-debtor-" + DEBTS.incrementAndGet();
        String invoiceA = "INV-POR-" + DEBTS.incrementAndGet();
        String invoiceB = "INV-POR-" + DEBTS.incrementAndGet();
        String debtA = register(debtor, invoiceA);
        String debtB = register(debtor, invoiceB);
        // the last month end's close of business posts the interest run since the due date, for the statement
        StandaloneLedger.Answer closed = ledger.post("/api/v1/operations/close-of-business",
                "{\"businessDate\": \"" + TODAY.withDayOfMonth(1).minusDays(1) + "\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        String someoneElses = register("portal-other-" + DEBTS.incrementAndGet(), "INV-POR-" + DEBTS.incrementAndGet());
        String code = accessCodeFromTheConsole(debtor);

        browser.width(PHONE);
        browser.driver.manage().deleteAllCookies();
        browser.go("/");
        browser.waitFor(By.id("username"));
        assertThat(browser.driver.getCurrentUrl()).as("the front page is the portal's").contains("/portal/sign-in");

        // in Finnish, first with a code mistyped
        browser.click(By.xpath("//nav//a[normalize-space()='suomi']"));
        assertThat(browser.text(By.cssSelector("label[for=username]"))).isEqualTo("Viite");
        assertThat(browser.text(By.cssSelector("label[for=password]"))).isEqualTo("Tunnuskoodi");
        browser.type("username", debtor);
        browser.type("password", "WRON-GCOD-EXXX");
        browser.press("Kirjaudu");
        assertThat(browser.text(By.cssSelector(".refused"))).contains("eivät täsmää");
        onThePhone("sign-in-refused-fi");

        browser.type("username", debtor);
        browser.type("password", code.toLowerCase());
        browser.press("Kirjaudu");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Velkasi");
        assertThat(browser.page()).contains(invoiceA).contains(invoiceB).contains("Laajakaista");
        assertThat(plain(browser.text(By.cssSelector("#debt-" + debtA + " td.principal")))).isEqualTo("250,00 €");
        onThePhone("debts-fi");

        browser.click(By.linkText("Katso velka " + invoiceA + " ja mitä voit tehdä"));
        assertThat(browser.text(By.id("rf-reference"))).startsWith("RF");
        assertThat(browser.page()).contains("Näin maksat").contains("Apua on saatavilla").contains("Maksa erissä");
        onThePhone("debt-fi");

        browser.click(By.linkText("Katso erittely"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Erittely laskusta " + invoiceA);
        String totalFi = plain(browser.text(By.id("statement-total")));
        assertThat(totalFi).matches("\\d[\\d ]*,\\d\\d €");
        assertThat(browser.text(By.id("interest"))).contains("päivää").contains("viitekorko");
        onThePhone("statement-fi");

        browser.click(By.xpath("//nav//a[normalize-space()='svenska']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Specifikation av faktura " + invoiceA);
        assertThat(plain(browser.text(By.id("statement-total")))).as("the same total, in Swedish").isEqualTo(totalFi);
        onThePhone("statement-sv");

        byte[] pdf = download("/portal/debts/" + debtA + "/statement.pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = plain(new PDFTextStripper().getText(document));
            assertThat(text).contains("Specifikation av faktura " + invoiceA).contains(totalFi)
                    .contains("Årsränta").contains("Förfallodag");
        }

        // a first plan, free, of the suggested instalments
        browser.go("/portal/debts/" + debtA);
        browser.click(By.linkText("Betala i rater"));
        assertThat(browser.text(By.id("plan-fee"))).startsWith("Avgiftsfri");
        String mustCover = plain(browser.text(By.id("must-cover")));
        browser.type("monthlyIncome", "2400");
        browser.type("monthlyExpenses", "1500");
        onThePhone("plan-sv");
        browser.press("Jag godkänner planen");
        assertThat(browser.text(By.cssSelector(".thanks"))).startsWith("Tack. Din betalningsplan är överenskommen");
        assertThat(browser.driver.findElements(By.cssSelector("#instalments tbody tr"))).hasSize(3);
        assertThat(browser.page()).contains("Betalningsplan gäller");
        assertThat(mustCover).endsWith("€");
        onThePhone("plan-agreed-sv");

        // one optional question after it
        browser.click(By.cssSelector("label[for=rating-5]"));
        browser.type("feedback-comment", "Enklare än att ringa.");
        browser.press("Skicka");
        assertThat(browser.text(By.cssSelector(".thanks"))).startsWith("Tack för att du berättade");
        assertThat(ledger.database.sql("SELECT count(*) FROM ledger_private.debtor_feedback WHERE about = 'PLAN'"
                + " AND rating = 5 AND comment = 'Enklare än att ringa.'").query(Long.class).single()).isEqualTo(1);
        browser.driver.executeScript("document.getElementById('plan-title').scrollIntoView()");
        onThePhone("debt-with-plan-sv");

        // another person's debt is no debt of theirs
        browser.go("/portal/debts/" + someoneElses);
        assertThat(browser.page()).contains("Vi hittade inte den här skulden bland dina skulder.")
                .doesNotContain(someoneElses.substring(3));

        // a plan the budget does not cover: a call back instead
        browser.go("/portal/debts/" + debtB + "/plan");
        browser.type("monthlyIncome", "1000");
        browser.type("monthlyExpenses", "990");
        browser.press("Jag godkänner planen");
        assertThat(browser.text(By.id("plan-refused"))).contains("för lite kvar att leva på");
        onThePhone("plan-not-affordable-sv");
        browser.click(By.id("offer-call-back"));
        browser.date("on", TODAY.plusDays(1));
        browser.time("from", "10:00");
        browser.time("to", "12:00");
        onThePhone("call-back-sv");
        browser.press("Be om samtal");
        assertThat(browser.text(By.cssSelector(".thanks"))).startsWith("Tack. En rådgivare ringer dig");

        // ---- a promise to pay: more than is owed is refused in the person's words, then part of it is promised
        browser.click(By.linkText("Jag lovar att betala"));
        browser.type("amount", "9 999,00");
        browser.date("promisedFor", TODAY.plusDays(5));
        browser.press("Jag lovar att betala");
        assertThat(browser.text(By.cssSelector(".refused"))).isEqualTo(
                "Beloppet är större än din skuld. Lova högst det du är skyldig.");
        browser.type("amount", "50,00");
        browser.date("promisedFor", TODAY.plusDays(5));
        onThePhone("promise-sv");
        browser.press("Jag lovar att betala");
        assertThat(browser.text(By.cssSelector(".thanks"))).startsWith("Tack. Vi har tagit emot ditt betalningslöfte");
        assertThat(browser.text(By.cssSelector("#promises tbody tr:first-child"))).contains("50,00")
                .contains("Väntar på din betalning");

        // a pause for free debt counselling
        browser.click(By.linkText("Pausa indrivningen medan du får skuldrådgivning"));
        assertThat(browser.page()).contains("inga påminnelser");
        browser.date("until", TODAY.plusMonths(2));
        onThePhone("pause-sv");
        browser.press("Pausa indrivningen");
        assertThat(browser.text(By.cssSelector(".thanks"))).startsWith("Tack. Indrivningen är pausad");
        assertThat(browser.text(By.id("paused"))).contains("skuldrådgivning");
        onThePhone("paused-sv");

        browser.press("Logga ut");
        assertThat(browser.text(By.cssSelector(".thanks"))).isEqualTo("Du är utloggad. Tack för besöket.");
        browser.go("/portal/debts/" + debtA);
        browser.waitFor(By.id("username"));

        // the advisor finds the call back in the queue
        browser.width(1280);
        browser.signIn("advisor");
        browser.go("/console/queue?type=CALL_BACK");
        browser.waitFor(By.xpath("//main//td[contains(., '" + debtB + "')]"));
        assertThat(browser.page()).contains("the debtor asks to be called back on " + TODAY.plusDays(1)
                + " between 10:00 and 12:00");
        browser.screenshot(SCREENSHOTS, "console-queue-call-back");

        // and the debtor's promise on the debt's page, made through self-service
        browser.go("/console/debts/" + debtB);
        assertThat(browser.text(By.cssSelector("#promises tbody tr:first-child"))).contains("SELF_SERVICE")
                .contains("50.00 EUR").contains("OPEN").contains(TODAY.plusDays(5).toString());
    }

    /** A file the page links to, fetched with the browser's session, as a download would be. */
    private static byte[] download(String path) throws IOException, InterruptedException {
        Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
        assertThat(session).as("the browser's session").isNotNull();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ledger.port() + path))
                .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return response.body();
    }
}
