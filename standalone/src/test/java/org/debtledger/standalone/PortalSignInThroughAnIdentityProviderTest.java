package org.debtledger.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person signs in to the portal through the debtors' identity provider (strong electronic identification, by
 * OpenID Connect), as a debtor of the references its token names, and the portal reads their debts with that
 * provider's token; a person it names no reference for is sent back to their letter. The staff's provider and the
 * debtors' never stand in for each other.
 */
class PortalSignInThroughAnIdentityProviderTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Helsinki"));
    private static final String PERSON = "eid-person-1";

    @TempDir
    static Path dataDirectory;

    private static TestIdentityProvider identityProvider;
    private static StandaloneLedger ledger;
    private static Browser browser;

    @BeforeAll
    static void start() {
        identityProvider = new TestIdentityProvider(PERSON, "DEBTOR");
        List<String> settings = new ArrayList<>(identityProvider.settings());
        settings.addAll(identityProvider.registration("eid", "portal", "strong identification"));
        settings.add("--ledger.portal.identity-provider=eid");
        ledger = StandaloneLedger.start(dataDirectory, settings.toArray(String[]::new));
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
    void aPersonIdentifiedByTheProviderSeesTheirDebtsReadWithTheProvidersToken() {
        String debtor = "eid-debtor-" + System.nanoTime() % 1_000_000_000;
        String invoice = "INV-EID-" + System.nanoTime() % 1_000_000;
        register(debtor, invoice);
        identityProvider.debtorReferences(debtor);

        browser.driver.manage().deleteAllCookies();
        browser.go("/portal/sign-in?lang=en");
        assertThat(browser.text(By.id("identity-provider"))).isEqualTo("Sign in with your online bank or mobile ID");
        browser.click(By.id("identity-provider"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Your debts");
        assertThat(browser.page()).contains(invoice);
        browser.screenshot("portal-signed-in-through-identity-provider");

        List<Map<String, Object>> reads = await().atMost(Duration.ofSeconds(30)).until(() -> ledger.database.sql(
                        "SELECT actor_id, actor_roles FROM ledger_private.access_log WHERE debtor_id = :debtor"
                                + " AND resource LIKE 'GET /api/v1/self-service/%'")
                .param("debtor", debtor).query().listOfRows(), rows -> !rows.isEmpty());
        assertThat(reads).as("the API read the debts as the person the provider's token names, a debtor")
                .allSatisfy(read -> {
                    assertThat(read.get("actor_id")).isEqualTo(PERSON);
                    assertThat(read.get("actor_roles")).isEqualTo("DEBTOR");
                });

        browser.press("Sign out");
        browser.waitFor(By.id("username"));
    }

    @Test
    void aPersonTheProviderNamesNoDebtorReferenceForIsSentBackToTheirLetter() {
        identityProvider.debtorReferences();

        browser.driver.manage().deleteAllCookies();
        browser.go("/portal/sign-in?lang=en");
        browser.click(By.id("identity-provider"));
        assertThat(browser.text(By.cssSelector(".refused"))).isEqualTo("We found no debts under your identity."
                + " Please use the reference and the access code on your letter.");
        browser.go("/portal/debts");
        browser.waitFor(By.id("username"));
        assertThat(browser.driver.getCurrentUrl()).contains("/portal/sign-in");
    }

    @Test
    void theStaffsProviderAndTheDebtorsNeverStandInForEachOther() throws Exception {
        browser.driver.manage().deleteAllCookies();
        browser.go("/console/sign-in");
        assertThat(browser.page()).contains("the agency's sign-in").doesNotContain("strong identification");

        assertThat(redirect("/portal/oauth2/authorization/eid")).as("the portal's own provider")
                .startsWith(identityProvider.issuer() + "/authorize");
        assertThat(redirect("/portal/oauth2/authorization/agency")).as("the staff's provider, on the portal")
                .doesNotStartWith(identityProvider.issuer());
        assertThat(redirect("/oauth2/authorization/eid")).as("the debtors' provider, on the console")
                .doesNotStartWith(identityProvider.issuer());
        assertThat(redirect("/oauth2/authorization/agency")).as("the console's own provider")
                .startsWith(identityProvider.issuer() + "/authorize");
    }

    /** Where the ledger sends a browser that asks for {@code path}; "" when it sends it nowhere. */
    private static String redirect(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ledger.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.headers().firstValue("Location").orElse("");
    }

    /** A debt of 120.00 EUR owed under {@code debtor}, registered through the API by the advisor, and read back. */
    private static void register(String debtor, String invoice) {
        String debtId = "EID" + System.nanoTime() % 1_000_000_000;
        StandaloneLedger.Answer answer = ledger.post("/api/v1/debts", """
                {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "%s", "invoiceReference": "%s",
                 "invoicePeriod": {"from": "%s", "to": "%s"}, "description": "Broadband",
                 "principal": {"amount": "120.00", "currency": "EUR"}, "dueDate": "%s",
                 "debtType": "CONSUMER", "jurisdiction": "FI", "date": "%s"}"""
                .formatted(debtId, debtor, invoice, TODAY.minusDays(40), TODAY.minusDays(10), TODAY.plusDays(10),
                        TODAY));
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(201);
        assertThat(ledger.get("/api/v1/debts/" + debtId + "?minPosition=" + answer.json().path("position").asLong())
                .status()).isEqualTo(200);
    }
}
