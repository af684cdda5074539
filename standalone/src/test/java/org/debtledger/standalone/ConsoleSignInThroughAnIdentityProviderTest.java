package org.debtledger.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in to the console through the agency's identity provider (OpenID Connect), and the console calls
 * the API with that provider's token: the API sees the same person and roles as the provider named.
 */
class ConsoleSignInThroughAnIdentityProviderTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Helsinki"));

    @TempDir
    static Path dataDirectory;

    private static TestIdentityProvider identityProvider;
    private static StandaloneLedger ledger;
    private static Browser browser;

    @BeforeAll
    static void start() {
        identityProvider = new TestIdentityProvider("aino.advisor", "ADVISOR");
        ledger = StandaloneLedger.start(dataDirectory, identityProvider.settings().toArray(String[]::new));
        browser = Browser.open(ledger.port());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        ledger.close();
        identityProvider.close();
    }

    @Test
    void aPersonSignedInThroughTheIdentityProviderActsAsThemselves() {
        String debtId = "OIDC" + System.nanoTime() % 1_000_000_000;
        assertThat(ledger.post("/api/v1/debts", """
                {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "oidc-debtor",
                 "invoiceReference": "INV-O-1",
                 "invoicePeriod": {"from": "%s", "to": "%s"}, "description": "Broadband",
                 "principal": {"amount": "80.00", "currency": "EUR"}, "dueDate": "%s",
                 "debtType": "CONSUMER", "jurisdiction": "FI", "date": "%s"}"""
                .formatted(debtId, TODAY.minusDays(40), TODAY.minusDays(10), TODAY.plusDays(10), TODAY)).status())
                .isEqualTo(201);

        browser.go("/console/sign-in");
        browser.click(By.linkText("Sign in with the agency's sign-in"));
        browser.waitFor(By.cssSelector("form.who"));
        assertThat(browser.text(By.cssSelector("form.who span"))).isEqualTo("aino.advisor (advisor)");

        browser.go("/console/debts/" + debtId);
        browser.press("Assign to me");
        assertThat(browser.text(By.id("advisor"))).isEqualTo("aino.advisor");
        assertThat(ledger.get("/api/v1/debts/" + debtId + "/history").json().path("entries").get(1)
                .path("actorId").asText()).as("the API saw the person the provider signed in")
                .isEqualTo("aino.advisor");
        browser.screenshot("signed-in-through-identity-provider");
    }
}
