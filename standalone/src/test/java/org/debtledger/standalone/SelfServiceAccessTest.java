package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.debtledger.standalone.Endpoints.ADVISOR;
import static org.debtledger.standalone.Endpoints.COMPLIANCE;
import static org.debtledger.standalone.Endpoints.OPERATOR;

/**
 * How a debtor gets in: an advisor or a letter run issues an access code for the debtor's reference; the person signs
 * in with the two; the code opens that reference only, only for signing in, until it expires or a newer one is
 * issued; guessing is slowed down. And what they may say afterwards: a rating that team leads read by month.
 */
class SelfServiceAccessTest {

    @TempDir
    static Path dataDirectory;

    private static StandaloneLedger ledger;

    @BeforeAll
    static void start() {
        ledger = StandaloneLedger.start(dataDirectory);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    /** A debtor with one debt the debt view already shows. */
    private static String debtor() {
        String debtor = "d-" + UUID.randomUUID();
        String debtId = "debt-" + UUID.randomUUID();
        StandaloneLedger.Answer registered = ledger.as(ADVISOR).post("/api/v1/debts", Endpoints.REGISTRATION
                .replace("{newDebtId}", debtId).replace("{debtorId}", debtor));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(ledger.as(ADVISOR).get("/api/v1/debts/" + debtId + "?minPosition="
                + registered.json().path("position").asLong()).status()).isEqualTo(200);
        return debtor;
    }

    private static JsonNode issue(String debtor, String as) {
        StandaloneLedger.Answer issued = ledger.as(as).post("/api/v1/debtors/" + debtor + "/access-codes", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json();
    }

    private static StandaloneLedger.Answer signIn(String reference, String code) {
        return ledger.as("").post("/api/v1/self-service/sign-in",
                "{\"reference\": \"" + reference + "\", \"code\": \"" + code + "\"}");
    }

    @Test
    void aCodeIssuedForADebtorSignsThatDebtorInUntilItExpires() {
        String debtor = debtor();
        JsonNode issued = issue(debtor, ADVISOR);
        String code = issued.path("code").asText();

        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(Instant.parse(issued.path("expiresAt").asText()))
                .isBetween(Instant.now().plus(Duration.ofDays(59)), Instant.now().plus(Duration.ofDays(61)));
        StandaloneLedger.Answer signedIn = signIn(debtor, code);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat(signedIn.json().path("debtorId").asText()).isEqualTo(debtor);
        assertThat(signIn(debtor, " " + code.replace("-", " ").toLowerCase(Locale.ROOT) + " ").status())
                .as("typed as a person may, in small letters and with spaces").isEqualTo(200);

        ledger.database.sql("UPDATE ledger_private.debtor_access_code SET expires_at = now() - interval '1 second'"
                + " WHERE debtor_id = :debtor").param("debtor", debtor).update();
        StandaloneLedger.Answer expired = signIn(debtor, code);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("type").asText()).endsWith("access-code-expired");
    }

    @Test
    void aCodeOpensOnlyItsOwnReferenceAndANewerCodeRetiresIt() {
        String debtor = debtor();
        String other = debtor();
        String first = issue(debtor, ADVISOR).path("code").asText();
        issue(other, OPERATOR);

        StandaloneLedger.Answer elsewhere = signIn(other, first);
        assertThat(elsewhere.status()).isEqualTo(401);
        assertThat(elsewhere.json().path("type").asText()).endsWith("access-code-refused");

        String second = issue(debtor, OPERATOR).path("code").asText();
        assertThat(signIn(debtor, first).status()).as("the first code, retired by the second").isEqualTo(401);
        assertThat(signIn(debtor, second).status()).isEqualTo(200);
    }

    @Test
    void aCodeIsNoPasswordToTheApiAndOnlyItsHashIsKept() {
        String debtor = debtor();
        String code = issue(debtor, ADVISOR).path("code").asText();

        StandaloneLedger.Answer asPassword = ledger.as("").send("GET", "/api/v1/self-service/debts", null,
                "Authorization", "Basic " + Base64.getEncoder().encodeToString((debtor + ":" + code)
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(asPassword.status()).isEqualTo(401);
        String stored = ledger.database.sql("SELECT string_agg(code_hash, ' ') FROM ledger_private.debtor_access_code"
                + " WHERE debtor_id = :debtor").param("debtor", debtor).query(String.class).single();
        assertThat(stored).startsWith("$2a$10$").doesNotContain(code).doesNotContain(code.replace("-", ""));
    }

    @Test
    void guessingIsSlowedDownEvenForTheRightCodeAfterAFewWrongOnes() {
        String debtor = debtor();
        String code = issue(debtor, ADVISOR).path("code").asText();

        for (int i = 0; i < 5; i++) {
            assertThat(signIn(debtor, "WRONG-CODE-" + i).status()).isEqualTo(401);
        }
        assertThat(signIn(debtor, "WRONG-CODE-5").status()).isEqualTo(401);
        StandaloneLedger.Answer throttled = signIn(debtor, code);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
    }

    @Test
    void noCodeIsIssuedForADebtorTheLedgerDoesNotKnow() {
        StandaloneLedger.Answer unknown = ledger.as(ADVISOR).post("/api/v1/debtors/d-nobody/access-codes", null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(ledger.database.sql("SELECT count(*) FROM ledger_private.debtor_access_code"
                + " WHERE debtor_id = 'd-nobody'").query(Long.class).single()).isZero();
    }

    @Test
    void teamLeadsReadTheShareOfPositiveAnswersByMonthAndTheComments() {
        String debtor = "debtor:" + debtor();
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Helsinki")).toString();
        JsonNode before = ledger.as(COMPLIANCE).get("/api/v1/portfolio/feedback?from=" + month + "&to=" + month)
                .json().path("months").path(0);

        assertThat(ledger.as(debtor).post("/api/v1/self-service/feedback",
                "{\"about\": \"PLAN\", \"rating\": 5, \"comment\": \"Easier than calling.\"}").status()).isEqualTo(204);
        assertThat(ledger.as(debtor).post("/api/v1/self-service/feedback",
                "{\"about\": \"PAUSE\", \"rating\": 2}").status()).isEqualTo(204);
        StandaloneLedger.Answer outOfScale = ledger.as(debtor).post("/api/v1/self-service/feedback",
                "{\"about\": \"PLAN\", \"rating\": 6}");
        assertThat(outOfScale.status()).isEqualTo(400);
        assertThat(outOfScale.json().path("detail").asText()).contains("rating must be 1 to 5");

        JsonNode summary = ledger.as(ADVISOR).get("/api/v1/portfolio/feedback?from=" + month + "&to=" + month).json();
        JsonNode now = summary.path("months").path(0);
        assertThat(now.path("answers").asLong() - before.path("answers").asLong()).isEqualTo(2);
        assertThat(now.path("positive").asLong() - before.path("positive").asLong()).isEqualTo(1);
        assertThat(summary.path("comments").toString()).contains("Easier than calling.")
                .doesNotContain(debtor.substring("debtor:".length()));
    }
}
