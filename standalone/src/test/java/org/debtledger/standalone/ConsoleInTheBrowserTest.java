package org.debtledger.standalone;

import org.debtledger.debt.DebtId;
import org.debtledger.payment.CreditorReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as advisors, compliance officers and operators use it: a real headless Chromium on the pages of a
 * whole ledger, every step through the pages and the public APIs behind them. Each scenario saves screenshots in
 * {@code target/console-screenshots}.
 */
class ConsoleInTheBrowserTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Helsinki"));
    private static final AtomicInteger DEBTS = new AtomicInteger();

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

    /**
     * Late interest needs the reference rate of every half year it runs in; the rates the ledger ships end with the
     * last one published when it was built, so an operator adds those since, through the quotes' dates, as they would.
     */
    private static void referenceRatesThroughNextMonth() {
        LocalDate lastQuote = TODAY.plusDays(30);
        for (LocalDate start = LocalDate.of(2026, 7, 1); !start.isAfter(lastQuote); start = start.plusMonths(6)) {
            StandaloneLedger.Answer added = ledger.as("operator").send("PUT", "/api/v1/reference-rates/FI/" + start,
                    "{\"until\": \"" + start.plusMonths(6).minusDays(1) + "\", \"referenceRate\": \"2.00\","
                            + " \"source\": \"the test's own\"}");
            assertThat(added.status()).as(added.toString()).isIn(200, 201);
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        ledger.close();
    }

    /** A debt of 250.00 EUR registered through the API, due {@code dueDaysAgo} days ago, and projected; its id. */
    private static String register(String debtorId, String invoice, int dueDaysAgo) {
        String debtId = "CON" + System.nanoTime() % 1_000_000_000 + DEBTS.incrementAndGet();
        StandaloneLedger.Answer answer = ledger.post("/api/v1/debts", """
                {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "%s", "invoiceReference": "%s",
                 "invoicePeriod": {"from": "%s", "to": "%s"}, "description": "Broadband",
                 "principal": {"amount": "250.00", "currency": "EUR"}, "dueDate": "%s",
                 "debtType": "CONSUMER", "jurisdiction": "FI", "date": "%s"}"""
                .formatted(debtId, debtorId, invoice, TODAY.minusDays(dueDaysAgo + 45),
                        TODAY.minusDays(dueDaysAgo + 15), TODAY.minusDays(dueDaysAgo), TODAY.minusDays(dueDaysAgo / 2)));
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(201);
        // the pages read the projections: wait until they hold the debt, as an advisor's next look would find it
        StandaloneLedger.Answer projected = ledger.get("/api/v1/debts/" + debtId + "?minPosition="
                + answer.json().path("position").asLong());
        assertThat(projected.status()).as(projected.toString()).isEqualTo(200);
        return debtId;
    }

    private static BigDecimal euros(String money) {
        return new BigDecimal(money.replace("EUR", "").strip());
    }

    @Test
    void anAdvisorFindsTheDebtorQuotesAgreesAPlanAndRecordsAPayment() {
        String invoice = "INV-CON-" + DEBTS.incrementAndGet();
        String debtId = register("console-debtor-1", invoice, 60);
        browser.width(1280);
        browser.signIn("advisor");

        browser.type("q", invoice);
        browser.press("Find");
        browser.click(By.linkText("console-debtor-1"));
        browser.waitFor(By.id("payoffDate"));
        assertThat(browser.page()).contains(invoice).contains("250.00 EUR");
        browser.date("payoffDate", TODAY.plusDays(30));
        browser.press("Quote");
        assertThat(browser.text(By.cssSelector("td.total-payoff"))).endsWith("EUR");
        assertThat(euros(browser.text(By.cssSelector("td.total-payoff"))))
                .isGreaterThan(euros(browser.text(By.cssSelector("td.total"))));

        browser.click(By.linkText(debtId));
        browser.click(By.linkText("Agree a payment plan"));
        BigDecimal mustCover = euros(browser.text(By.id("must-cover")));
        assertThat(mustCover).isGreaterThan(new BigDecimal("250.00")); // interest runs from the due date
        assertThat(browser.text(By.id("plan-fee"))).contains("free");
        BigDecimal suggested = BigDecimal.ZERO;
        for (int i = 1; i <= 3; i++) {
            suggested = suggested.add(new BigDecimal(browser.driver.findElement(By.id("amount-" + i))
                    .getDomAttribute("value")));
        }
        assertThat(suggested).isEqualByComparingTo(mustCover);

        browser.type("amount-1", "10.00");
        browser.press("Agree the plan");
        assertThat(browser.text(By.cssSelector(".refused"))).contains("PLAN_DOES_NOT_COVER_BALANCE")
                .contains("must cover exactly " + mustCover.toPlainString() + " EUR");
        browser.screenshot("plan-refused");
        assertThat(browser.unnamedFields()).isEmpty();

        browser.press("Suggest");
        browser.waitForUrl("count="); // the suggestion's page, not the refusal's before it
        browser.type("monthlyIncome", "2400.00");
        browser.type("monthlyExpenses", "1600.00");
        String first = browser.driver.findElement(By.id("amount-1")).getDomAttribute("value");
        browser.press("Agree the plan");
        browser.done("Plan of 3 instalments agreed");
        assertThat(browser.driver.findElements(By.cssSelector("#instalments tbody tr"))).hasSize(3);

        browser.type("payment-amount", first);
        browser.press("Record payment");
        browser.done("Payment of " + first + " EUR recorded");
        assertThat(browser.text(By.cssSelector("#instalments tbody tr:first-child"))).contains("PAID");
        assertThat(browser.text(By.id("paid"))).isEqualTo(first + " EUR");
        assertThat(browser.text(By.id("timeline"))).contains("PaymentPlanAgreed").contains("PaymentReceived");
        browser.screenshot("debt-page");
        assertThat(browser.unnamedFields()).isEmpty();
        browser.width(390);
        browser.screenshot("debt-page-390");
        assertThat(browser.driver.executeScript("return document.documentElement.scrollWidth"))
                .as("nothing wider than the phone's screen but the tables, which scroll in their own box")
                .isEqualTo(browser.driver.executeScript("return document.documentElement.clientWidth"));
        browser.width(1280);
    }

    // ---- promises to pay

    @Test
    void anAdvisorRecordsAPromiseToPayIsToldInWordsWhyNotAndSeesItOnTheDebt() {
        String debtId = register("console-debtor-9", "INV-CON-" + DEBTS.incrementAndGet(), 20);
        browser.width(1280);
        browser.signIn("advisor");
        browser.go("/console/debts/" + debtId);
        assertThat(browser.text(By.id("promises-title")).strip()).isEqualTo("Promises to pay");
        assertThat(browser.page()).contains("No promise yet.");

        browser.type("promise-amount", "900.00");
        browser.date("promise-for", TODAY.plusDays(5));
        browser.press("Record promise");
        assertThat(browser.text(By.cssSelector(".refused"))).contains("PROMISE_EXCEEDS_BALANCE")
                .contains("more than the");

        browser.type("promise-amount", "50.00");
        browser.date("promise-for", TODAY.plusDays(5));
        browser.press("Record promise");
        browser.done("Promise to pay 50.00 EUR by " + TODAY.plusDays(5) + " recorded");
        assertThat(browser.text(By.cssSelector("#promises tbody tr:first-child"))).contains("OPEN")
                .contains("50.00 EUR").contains("ADVISOR_PHONE").contains(TODAY.plusDays(5).toString());
        assertThat(browser.text(By.id("timeline"))).contains("PromiseToPayMade");
        browser.screenshot("debt-promise");
        assertThat(browser.unnamedFields()).isEmpty();

        browser.go("/console/queue");
        assertThat(browser.page()).contains("PROMISE_BROKEN").contains("a promise to pay was broken");
    }

    @Test
    void anAdvisorTakesTheNextItemOfTheQueue() {
        String debtId = register("console-debtor-2", "INV-CON-" + DEBTS.incrementAndGet(), 20);
        assertThat(ledger.post("/api/v1/debts/" + debtId + "/disputes",
                "{\"reason\": \"the debtor says the service was cancelled\", \"date\": \"" + TODAY + "\"}").status())
                .isEqualTo(200);
        browser.signIn("advisor");
        browser.go("/console/queue");
        assertThat(browser.text(By.id("items"))).contains("DISPUTE_OPENED");
        assertThat(browser.page()).contains("closed when the dispute is resolved");

        String later = register("console-debtor-7", "INV-CON-" + DEBTS.incrementAndGet(), 20);
        assertThat(ledger.post("/api/v1/debts/" + later + "/disputes",
                "{\"reason\": \"never ordered\", \"date\": \"" + TODAY + "\"}").status()).isEqualTo(200);
        browser.waitFor(By.xpath("//div[@id='items']//a[normalize-space()='" + later + "']"));
        browser.press("Take the next one");
        assertThat(browser.text(By.cssSelector(".done"))).startsWith("Taken: ");
        assertThat(browser.text(By.id("advisor"))).isEqualTo("advisor");
        assertThat(browser.text(By.id("pause"))).as("a dispute pauses collection until it is resolved")
                .matches("Collection paused \\(DISPUTE\\) from [0-9-]+ until it resumes");
        browser.screenshot("queue-taken");
        browser.go("/console/queue");
        assertThat(browser.unnamedFields()).isEmpty();
    }

    // ---- the contact log
    @Test
    void anAdvisorLogsACallBackAskedForAndTheCallThatReachesTheDebtorWithItsNoteClosesIt() {
        String debtId = register("console-debtor-contacts", "INV-CON-" + DEBTS.incrementAndGet(), 20);
        browser.signIn("advisor");
        browser.go("/console/debts/" + debtId);
        assertThat(browser.page()).contains("No contact recorded yet.");
        new Select(browser.driver.findElement(By.id("contact-outcome"))).selectByValue("CALL_BACK_REQUESTED");
        browser.date("contact-call-back-on", TODAY.plusDays(1));
        browser.press("Log contact");
        browser.done("Contact recorded: phone, call back requested");
        assertThat(browser.text(By.cssSelector("#contacts tbody"))).contains("OUTBOUND PHONE CALL_BACK_REQUESTED");

        browser.go("/console/queue?type=CALL_BACK");
        By row = By.xpath("//div[@id='items']//tr[td/a[normalize-space()='" + debtId + "']]");
        assertThat(browser.text(row)).contains("CALL_BACK").contains(TODAY + " PHONE CALL_BACK_REQUESTED");
        browser.screenshot("queue-call-back");

        browser.go("/console/debts/" + debtId);
        browser.date("contact-date", TODAY.plusDays(1));
        browser.type("contact-note", "Lost her job in May; will pay the rest on Friday.");
        browser.press("Log contact");
        browser.done("Contact recorded: phone, reached, with its note");
        assertThat(browser.driver.findElements(By.cssSelector("#contacts td.note")))
                .as("notes are read only when asked for, each reading logged").isEmpty();
        browser.click(By.id("show-notes"));
        assertThat(browser.text(By.xpath("//table[@id='contacts']/tbody/tr[2]")))
                .contains("OUTBOUND PHONE REACHED Lost her job in May; will pay the rest on Friday.");
        assertThat(browser.text(By.xpath("//table[@id='contacts']/tbody/tr[1]/td[@class='note']")))
                .as("the call-back asked for has no note").isEmpty();
        browser.screenshot("debt-contact-note");
        browser.width(390);
        browser.screenshot("debt-contact-note-390");
        assertThat(browser.driver.executeScript("return document.documentElement.scrollWidth"))
                .as("the notes fit a phone's screen, or scroll in their table's own box")
                .isEqualTo(browser.driver.executeScript("return document.documentElement.clientWidth"));
        browser.width(1280);
        browser.go("/console/queue?type=CALL_BACK");
        assertThat(browser.driver.findElements(row)).as("the call that reached the debtor closed the call-back")
                .isEmpty();
    }

    @Test
    void aComplianceOfficerReplaysTheDebtBeforeItsPlanAndFindsTheAdvisorsRead() {
        String debtId = register("console-debtor-3", "INV-CON-" + DEBTS.incrementAndGet(), 0);
        assertThat(ledger.post("/api/v1/debts/" + debtId + "/payment-plans", """
                {"instalments": [{"dueDate": "%s", "amount": {"amount": "250.00", "currency": "EUR"}}],
                 "channel": "ADVISOR_PHONE", "date": "%s"}""".formatted(TODAY.plusDays(20), TODAY)).status())
                .isEqualTo(200);
        browser.signIn("advisor");
        browser.go("/console/debtors/console-debtor-3");
        browser.type("pd-name", "Aino Virtanen");
        browser.type("pd-address", "Mannerheimintie 1, Helsinki");
        browser.press("Record personal data");
        browser.done("Personal data recorded");
        browser.go("/console");
        browser.type("q", "virtanen");
        browser.press("Find");
        assertThat(browser.text(By.tagName("table"))).contains("console-debtor-3").contains("NAME");

        browser.signIn("compliance");
        browser.go("/console/debtors/console-debtor-3");
        browser.type("reason", "complaint 2291 review");
        browser.press("Show personal data");
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("Aino Virtanen");
        browser.go("/console/debts/" + debtId);
        assertThat(browser.text(By.id("timeline"))).contains("PaymentPlanAgreed");
        WebElement asOf = browser.driver.findElement(By.id("asOf"));
        asOf.findElement(By.xpath("option[contains(., 'DebtRegistered')]")).click();
        browser.press("Replay");
        assertThat(browser.text(By.id("replay"))).contains("OPEN").contains("none").contains("250.00 EUR");
        browser.driver.findElement(By.id("from")).findElement(By.xpath("option[contains(., 'DebtRegistered')]"))
                .click();
        browser.press("Compare");
        assertThat(browser.text(By.id("changes"))).contains("Recorded in between: PaymentPlanAgreed")
                .contains("/plan");

        browser.go("/console/access-log");
        browser.type("debtorId", "console-debtor-3");
        browser.press("Filter");
        browser.waitForUrl("debtorId=console-debtor-3");
        By advisorsReads = By.xpath("//table[@id='access-log']//tr[td[2][normalize-space()='advisor']]");
        // an entry shows once every transaction older than its own has ended: a moment later on a busy machine
        browser.reloadUntilShown(advisorsReads);
        assertThat(browser.text(By.id("access-log"))).contains("complaint 2291 review");
        browser.screenshot("access-log");
        assertThat(browser.unnamedFields()).isEmpty();

        browser.go("/console/debtors/console-debtor-3?reason=erasure%20request");
        browser.type("erasure-reason", "the debtor asked for erasure");
        browser.press("Erase personal data");
        assertThat(browser.text(By.cssSelector(".refused"))).startsWith("Refused (ERASURE_WHILE_DEBT_OPEN):")
                .contains("is still open");
    }

    /** A command of the debt, dated in the past, that must be accepted; the event store position of its event. */
    private static long accepted(String path, String body) {
        StandaloneLedger.Answer answer = ledger.post(path, body);
        assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
        return answer.json().path("position").asLong();
    }

    /**
     * Two debts of their own creditor placed in January 2025: 400.00 EUR with a plan half paid in February and
     * disputed on 20 February, and 100.00 EUR whose one-instalment plan was paid in January, keeping the promise to pay
     * it made the day after the plan.
     */
    private static long portfolioOfJanuary2025() {
        String placed = """
                {"debtId": "%s", "creditorId": "portfolio-co", "debtorId": "%s", "invoiceReference": "%s",
                 "invoicePeriod": {"from": "2024-12-01", "to": "2024-12-31"}, "description": "Broadband",
                 "principal": {"amount": "%s", "currency": "EUR"}, "dueDate": "%s",
                 "debtType": "CONSUMER", "jurisdiction": "FI", "date": "%s"}""";
        String plan = """
                {"instalments": [%s], "channel": "ADVISOR_PHONE", "date": "2025-01-20"}""";
        String payment = """
                {"paymentId": "%s", "amount": {"amount": "%s", "currency": "EUR"}, "valueDate": "%s",
                 "channel": "BANK_FILE"}""";
        String big = "PF" + System.nanoTime() % 1_000_000_000 + DEBTS.incrementAndGet();
        String small = "PF" + System.nanoTime() % 1_000_000_000 + DEBTS.incrementAndGet();
        accepted("/api/v1/debts", placed.formatted(big, "pf-1", "PF-1-" + big, "400.00", "2025-02-15", "2025-01-15"));
        accepted("/api/v1/debts", placed.formatted(small, "pf-2", "PF-2-" + small, "100.00", "2025-02-16",
                "2025-01-16"));
        String instalment = """
                {"dueDate": "%s", "amount": {"amount": "%s", "currency": "EUR"}}""";
        accepted("/api/v1/debts/" + big + "/payment-plans", plan.formatted(instalment.formatted("2025-02-15", "200.00")
                + ", " + instalment.formatted("2025-03-15", "200.00")));
        accepted("/api/v1/debts/" + small + "/payment-plans",
                plan.formatted(instalment.formatted("2025-02-16", "100.00")));
        accepted("/api/v1/debts/" + small + "/promises", """
                {"amount": {"amount": "100.00", "currency": "EUR"}, "promisedFor": "2025-01-24", "date": "2025-01-21"}""");
        accepted("/api/v1/debts/" + small + "/payments", payment.formatted("PF-" + small, "100.00", "2025-01-25"));
        accepted("/api/v1/debts/" + big + "/payments", payment.formatted("PF-" + big, "200.00", "2025-02-10"));
        return accepted("/api/v1/debts/" + big + "/disputes",
                "{\"reason\": \"the debtor says the second month was not delivered\", \"date\": \"2025-02-20\"}");
    }

    @Test
    void aTeamLeadSeesThePortfolioAsChartsWithTheirNumbers() {
        long position = portfolioOfJanuary2025();
        for (String numbers : List.of("ageing?", "plans?from=2025-01&to=2025-01&", "queue?",
                "promises?from=2025-01&to=2025-01&")) {
            StandaloneLedger.Answer fresh = ledger.get("/api/v1/portfolio/" + numbers + "minPosition=" + position);
            assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
        }
        browser.width(1280);
        browser.signIn("compliance");
        browser.click(By.linkText("Portfolio"));
        browser.type("from", "2025-01");
        browser.type("to", "2025-03");
        browser.press("Show");

        for (String chart : List.of("ageing", "recovery", "plans", "promises", "queue")) {
            WebElement svg = browser.waitFor(By.cssSelector("#" + chart + " svg"));
            assertThat(svg.getDomAttribute("aria-label")).as(chart).isNotBlank();
            assertThat(svg.findElement(By.tagName("title")).getDomProperty("textContent")).as(chart).isNotBlank();
        }
        assertThat(browser.text(By.cssSelector("#ageing table"))).contains("portfolio-co EUR");
        assertThat(browser.text(By.xpath("//section[@id='ageing']//tr[td[1]='portfolio-co']/td[7]")))
                .endsWith("EUR (1)");
        assertThat(browser.text(By.cssSelector("#recovery tbody tr:first-child")))
                .startsWith("2025-01 EUR 500.00 EUR 20.00 % (100.00 EUR) 60.00 % (300.00 EUR)");
        assertThat(browser.text(By.cssSelector("#plans tbody"))).contains("2025-01 2 1 0")
                .contains("2025-02 0 0 0");
        assertThat(browser.text(By.cssSelector("#promises tbody"))).contains("2025-01 1 1 0 100.00 %")
                .contains("2025-02 0 0 0 –");
        assertThat(browser.text(By.cssSelector("#queue table"))).contains("DISPUTE_OPENED").contains("2025-02-20 1 1");
        assertThat(browser.driver.findElements(By.cssSelector("#plans svg rect[height]"))).hasSizeGreaterThan(3);
        browser.screenshot("portfolio");
        assertThat(browser.unnamedFields()).isEmpty();
        browser.driver.executeScript("arguments[0].scrollIntoView()", browser.waitFor(By.id("recovery")));
        browser.screenshot("portfolio-recovery");
        browser.driver.executeScript("arguments[0].scrollIntoView()", browser.waitFor(By.id("queue")));
        browser.screenshot("portfolio-queue");
        browser.width(390);
        browser.screenshot("portfolio-390");
        assertThat(browser.driver.executeScript("return document.documentElement.scrollWidth"))
                .as("the charts fit the phone's screen; the tables scroll in their own box")
                .isEqualTo(browser.driver.executeScript("return document.documentElement.clientWidth"));
        browser.width(1280);

        browser.signIn("operator");
        assertThat(browser.text(By.cssSelector("header nav"))).doesNotContain("Portfolio");
    }

    @Test
    void anOperatorRunsCloseOfBusinessAndAppliesABankFile() throws Exception {
        String debtId = register("console-debtor-4", "INV-CON-" + DEBTS.incrementAndGet(), 10);
        browser.signIn("operator");
        browser.go("/console/operations");
        assertThat(browser.driver.findElement(By.id("businessDate")).getDomProperty("value"))
                .isEqualTo(TODAY.toString());
        browser.press("Run close of business");
        browser.waitForText(By.id("run-status"), "COMPLETED");
        assertThat(browser.text(By.id("closing"))).contains("debts done, 0 failed");
        browser.click(By.linkText("Back to operations"));
        assertThat(browser.text(By.id("runs"))).contains("Close of business " + TODAY).contains("operator");

        Path file = Files.createTempFile(dataDirectory, "bank-file", ".csv");
        Files.writeString(file, "archive_id,reference,amount,currency,value_date\n"
                + "CON-A-" + debtId + "," + CreditorReference.forDebt(new DebtId(debtId)).value() + ",10.00,EUR,"
                + TODAY + "\n"
                + "CON-B-" + debtId + ",RF00NOTAREFERENCE,5.00,EUR," + TODAY + "\n");
        browser.driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.press("Apply the bank file");
        browser.waitForText(By.id("run-status"), "COMPLETED");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Bank file " + file.getFileName());
        assertThat(browser.text(By.id("report"))).contains("2 lines: 1 applied, 0 applied before, 1 refused")
                .contains("REFERENCE");
        browser.screenshot("bank-file-report");
        browser.width(390);
        browser.screenshot("bank-file-report-390");
        assertThat(browser.driver.executeScript("return document.documentElement.scrollWidth"))
                .as("the run's page fits a phone's screen but for its tables, which scroll in their own box")
                .isEqualTo(browser.driver.executeScript("return document.documentElement.clientWidth"));
        browser.width(1280);
        assertThat(browser.unnamedFields()).isEmpty();

        browser.click(By.linkText("Reference rates"));
        String next = browser.driver.findElement(By.id("periodStart")).getDomProperty("value");
        browser.type("referenceRate", "2.25");
        browser.type("source", "Bank of Finland press release");
        browser.press("Record the rate");
        browser.done("Reference rate 2.25 % recorded from " + next);
        assertThat(browser.text(By.id("rates"))).contains(next + " " + LocalDate.parse(next).plusMonths(6).minusDays(1)
                + " 2.25");
        assertThat(browser.unnamedFields()).isEmpty();

        browser.go("/console/read-models");
        assertThat(browser.text(By.id("model-debts"))).startsWith("debts IDLE");
        browser.press("Check the read models against the events");
        assertThat(browser.text(By.id("reconciliation"))).startsWith("Consistent: ");
    }

    @Test
    void anOperatorRegistersACreditorAgreesAContractAndReadsAndDownloadsItsRemittance() throws Exception {
        String creditorId = "console-creditor-" + System.nanoTime() % 1_000_000_000;
        browser.width(1280);
        browser.signIn("operator");
        browser.click(By.linkText("Creditors"));
        browser.type("creditorId", creditorId);
        browser.press("Find");
        assertThat(browser.text(By.id("not-registered"))).contains("No creditor " + creditorId + " is registered");

        browser.type("creditor-name", "Kotka Energia Oy");
        browser.type("remittance-account", "FI21 1234 5600 0007 86");
        browser.press("Register the creditor");
        assertThat(browser.text(By.cssSelector(".refused"))).startsWith("Refused (REMITTANCE_ACCOUNT_NOT_AN_IBAN):")
                .contains("check digits");
        assertThat(browser.driver.findElement(By.id("creditor-name")).getDomProperty("value"))
                .isEqualTo("Kotka Energia Oy");
        browser.type("remittance-account", "FI21 1234 5600 0007 85");
        browser.press("Register the creditor");
        browser.done("Creditor " + creditorId + " registered");
        assertThat(browser.text(By.id("creditor-title"))).isEqualTo("Kotka Energia Oy");
        assertThat(browser.text(By.id("account"))).isEqualTo("FI2112345600000785");
        assertThat(browser.driver.findElement(By.id("from")).getDomProperty("value"))
                .as("the previous month, unless another period is asked for")
                .isEqualTo(YearMonth.from(TODAY).minusMonths(1).atDay(1).toString());

        browser.date("effective-from", LocalDate.of(2025, 1, 1));
        browser.type("interest-share", "50.00");
        browser.type("principal-commission", "2.50");
        browser.press("Add the contract");
        browser.done("Contract in force from 2025-01-01 recorded");
        assertThat(browser.text(By.cssSelector("#contracts tbody"))).isEqualTo("2025-01-01 50.00 2.50");

        // a debt of the creditor placed in January 2025 and paid in part before it fell due, as an advisor records it
        String debtId = "CC" + System.nanoTime() % 1_000_000_000 + DEBTS.incrementAndGet();
        accepted("/api/v1/debts", """
                {"debtId": "%s", "creditorId": "%s", "debtorId": "cc-debtor", "invoiceReference": "CC-%s",
                 "invoicePeriod": {"from": "2024-12-01", "to": "2024-12-31"}, "description": "Electricity",
                 "principal": {"amount": "400.00", "currency": "EUR"}, "dueDate": "2025-02-15",
                 "debtType": "CONSUMER", "jurisdiction": "FI", "date": "2025-01-15"}"""
                .formatted(debtId, creditorId, debtId));
        String paymentId = "CC-PAY-" + debtId;
        long paid = accepted("/api/v1/debts/" + debtId + "/payments", """
                {"paymentId": "%s", "amount": {"amount": "100.00", "currency": "EUR"}, "valueDate": "2025-02-10",
                 "channel": "BANK_FILE"}""".formatted(paymentId));
        StandaloneLedger.Answer fresh = ledger.as("operator").get("/api/v1/creditors/" + creditorId
                + "/remittance?from=2025-02-01&to=2025-02-28&minPosition=" + paid);
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);

        browser.date("from", LocalDate.of(2025, 2, 1));
        browser.date("to", LocalDate.of(2025, 2, 28));
        browser.press("Show");
        // all of it principal, of which the contract's commission of 2.50 % is kept
        assertThat(browser.text(By.cssSelector("#lines tbody tr"))).isEqualTo("2025-02-10 PAYMENT " + paymentId + " "
                + debtId + " EUR 100.00 0.00 0.00 100.00 100.00 2.50 97.50");
        WebElement total = browser.waitFor(By.xpath("//table[@id='totals']//tr[td[1]='EUR']"));
        BigDecimal collected = new BigDecimal(total.findElement(By.className("collected")).getText());
        BigDecimal kept = new BigDecimal(total.findElement(By.className("kept")).getText());
        BigDecimal remitted = new BigDecimal(total.findElement(By.className("remitted")).getText());
        assertThat(collected).isEqualByComparingTo("100.00");
        assertThat(kept.add(remitted)).isEqualByComparingTo(collected);
        assertThat(remitted).isEqualByComparingTo("97.50");
        browser.screenshot("creditor");
        browser.driver.executeScript("arguments[0].scrollIntoView()", browser.waitFor(By.id("remittance")));
        browser.screenshot("creditor-remittance");
        assertThat(browser.unnamedFields()).isEmpty();

        String csvLink = browser.driver.findElement(By.linkText("Download CSV")).getDomAttribute("href");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ledger.port()).resolve(csvLink))
                .header("Cookie", "JSESSIONID=" + browser.driver.manage().getCookieNamed("JSESSIONID").getValue())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment")
                .contains("remittance-" + creditorId + "-2025-02-01-2025-02-28.csv");
        String[] rows = csv.body().split("\\r\\n");
        assertThat(rows).hasSize(2);
        assertThat(rows[0]).isEqualTo("date,kind,debt_id,payment_id,currency,amount,fees,interest,principal,credit,"
                + "collected,fees_kept,interest_kept,commission,kept,remitted,contract_from,position");
        assertThat(rows[1]).matches("2025-02-10,PAYMENT," + debtId + "," + paymentId + ",EUR,100.00,0.00,0.00,"
                + "100.00,0.00,100.00,0.00,0.00,2.50,2.50,97.50,2025-01-01,[0-9]+");

        browser.width(390);
        browser.screenshot("creditor-390");
        browser.driver.executeScript("arguments[0].scrollIntoView()", browser.waitFor(By.id("lines")));
        browser.screenshot("creditor-remittance-390");
        assertThat(browser.widerThanTheWindow())
                .as("nothing wider than the phone's screen but the tables, which scroll in their own box").isFalse();
        browser.width(1280);

        browser.signIn("advisor");
        assertThat(browser.text(By.cssSelector("header nav"))).doesNotContain("Creditors");
        browser.go("/console/creditors?creditorId=" + creditorId);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not for your role");
        browser.go("/console/creditors");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not for your role");
    }

    @Test
    void aPersonSeesNoPageAndNoButtonTheirRoleMayNotUse() {
        browser.signIn("operator");
        assertThat(browser.text(By.cssSelector("header nav"))).contains("Operations").doesNotContain("Work queue");
        browser.go("/console/queue");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not for your role");

        String debtId = register("console-debtor-5", "INV-CON-" + DEBTS.incrementAndGet(), 5);
        browser.signIn("compliance");
        browser.go("/console/debts/" + debtId);
        browser.waitFor(By.id("timeline"));
        assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='Record payment']"))).isEmpty();
        assertThat(browser.text(By.cssSelector("header nav"))).doesNotContain("Operations");
    }

    @Test
    void aPersonSignsInAndFindsACaseWithTheKeyboardAlone() {
        String invoice = "INV-CON-" + DEBTS.incrementAndGet();
        register("console-debtor-8", invoice, 5);
        browser.driver.manage().deleteAllCookies();
        browser.go("/console/sign-in");
        assertThat(browser.unnamedFields()).isEmpty();
        // the name field has the focus; Tab moves to the password, Enter sends the form
        browser.driver.switchTo().activeElement().sendKeys("advisor", Keys.TAB,
                StandaloneLedger.PASSWORDS.get("advisor"), Keys.ENTER);
        browser.waitFor(By.cssSelector("form.who"));
        // from the top of the page: the link past the menu, then the search field
        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        browser.driver.findElement(By.id("q")).sendKeys(invoice, Keys.ENTER);
        assertThat(browser.text(By.tagName("table"))).contains("console-debtor-8");
        assertThat(browser.unnamedFields()).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionAndAFormWithoutItsCsrfTokenIsRefused() throws Exception {
        String debtId = register("console-debtor-6", "INV-CON-" + DEBTS.incrementAndGet(), 5);
        browser.signIn("advisor");
        Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ledger.port() + "/console/debts/" + debtId + "/payments"))
                .header("Cookie", "JSESSIONID=" + session.getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("amount=100.00&currency=EUR&valueDate=" + TODAY))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ledger.get("/api/v1/debts/" + debtId).json().path("paid").path("amount").asText())
                .isEqualTo("0.00");

        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ledger.port() + "/console/sign-in")).GET()
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'");

        browser.press("Sign out");
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("You are signed out.");
        browser.go("/console/queue");
        browser.waitFor(By.id("password"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/sign-in");
    }
}
