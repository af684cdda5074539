package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.debtledger.standalone.Endpoints.ADVISOR;
import static org.debtledger.standalone.Endpoints.COMPLIANCE;
import static org.debtledger.standalone.Endpoints.CREDITOR;

/**
 * What was said in a contact: filed by an advisor under the contact's id as the debtor's personal data, encrypted and
 * erased with it, read by advisors and compliance (each read in the access log); a creditor reading its debt sees the
 * contacts' outcomes and never a note, and a debtor sees neither.
 */
class ContactNotesTest {

    private static final String NOTE = "Lost her job in May; asks for a plan from June.";

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

    /** A debt of acme-telecom owed by {@code debtor}, once the debt view shows it. */
    private static String register(String debtor) {
        String debtId = "debt-" + UUID.randomUUID();
        StandaloneLedger.Answer answer = ledger.as(ADVISOR).post("/api/v1/debts", Endpoints.REGISTRATION
                .replace("{newDebtId}", debtId).replace("{debtorId}", debtor));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(ledger.as(ADVISOR).get("/api/v1/debts/" + debtId + "?minPosition="
                + answer.json().path("position").asLong()).status()).isEqualTo(200);
        return debtId;
    }

    /** The debtor's call about the debt, recorded; its id. */
    private static String call(String debtId) {
        StandaloneLedger.Answer answer = ledger.as(ADVISOR).post("/api/v1/debts/" + debtId + "/contacts", """
                {"direction": "INBOUND", "channel": "PHONE", "outcome": "REACHED", "date": "2025-03-05"}""");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().path("contactId").asText();
    }

    private static StandaloneLedger.Answer note(String debtId, String contactId, String note) {
        return ledger.as(ADVISOR).send("PUT", "/api/v1/debts/" + debtId + "/contacts/" + contactId + "/note",
                "{\"note\": \"" + note + "\"}");
    }

    private static String newDebtor() {
        return "d-" + UUID.randomUUID();
    }

    @Test
    void anAdvisorFilesANoteUnderAContactJustRecordedAndAdvisorsAndComplianceReadItInTheAccessLog() {
        String debtor = newDebtor();
        String debtId = register(debtor);
        String contactId = call(debtId);

        StandaloneLedger.Answer filed = note(debtId, contactId, NOTE);
        assertThat(filed.status()).as("the note waits for the contact to reach the debt view: " + filed).isEqualTo(204);

        StandaloneLedger.Answer read = ledger.as(ADVISOR).send("GET", "/api/v1/debts/" + debtId + "/contact-notes",
                null, "X-Reason", "the debtor called back");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("notes")).singleElement().satisfies(note -> {
            assertThat(note.path("contactId").asText()).isEqualTo(contactId);
            assertThat(note.path("note").asText()).isEqualTo(NOTE);
            assertThat(note.path("writtenBy").asText()).isEqualTo("advisor");
        });
        assertThat(ledger.as(COMPLIANCE).get("/api/v1/debts/" + debtId + "/contact-notes").json()
                .path("notes").get(0).path("note").asText()).isEqualTo(NOTE);

        assertThat(note(debtId, contactId, "Will call back on Friday.").status()).isEqualTo(204);
        assertThat(ledger.as(ADVISOR).get("/api/v1/debts/" + debtId + "/contact-notes").json().path("notes"))
                .as("a note filed again replaces the one before").singleElement()
                .satisfies(note -> assertThat(note.path("note").asText()).isEqualTo("Will call back on Friday."));

        JsonNode entries = await().atMost(Duration.ofSeconds(30)).until(() -> ledger.as(COMPLIANCE)
                .get("/api/v1/access-log?debtorId=" + debtor + "&limit=100").json().path("entries"), shown -> shown
                .findValuesAsText("resource").stream().filter(resource -> resource.endsWith("/contact-notes"))
                .count() == 3);
        JsonNode first = entries.findParents("resource").stream()
                .filter(entry -> entry.path("resource").asText().endsWith("/contact-notes")).findFirst().orElseThrow();
        assertThat(first.path("resource").asText()).isEqualTo("GET /api/v1/debts/" + debtId + "/contact-notes");
        assertThat(first.path("actorId").asText()).isEqualTo("advisor");
        assertThat(first.path("debtId").asText()).isEqualTo(debtId);
        assertThat(first.path("reason").asText()).isEqualTo("the debtor called back");

        assertThat(ledger.database.sql("SELECT count(*) FROM domainevententry"
                        + " WHERE convert_from(payload, 'UTF8') LIKE '%Lost her job%'").query(Long.class).single())
                .as("no event holds the note").isZero();
        assertThat(ledger.database.sql("SELECT count(*) FROM ledger_private.contact_note WHERE debt_id = :debt"
                        + " AND position(convert_to('Friday', 'UTF8') in ciphertext) > 0")
                .param("debt", debtId).query(Long.class).single()).as("the note lies encrypted").isZero();
    }

    @Test
    void aNoteIsFiledOnlyUnderAContactRecordedOnThatDebt() {
        String debtor = newDebtor();
        String debtId = register(debtor);
        String otherDebt = register(debtor);
        String contactOfTheOther = call(otherDebt);

        StandaloneLedger.Answer unknown = note(debtId, "no-such-call", NOTE);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(note(debtId, contactOfTheOther, NOTE).status()).as("another debt's contact").isEqualTo(404);
        assertThat(note("debt-" + UUID.randomUUID(), contactOfTheOther, NOTE).status()).isEqualTo(404);
        assertThat(ledger.as(ADVISOR).get("/api/v1/debts/" + debtId + "/contact-notes").json().path("notes"))
                .isEmpty();
        assertThat(ledger.as(ADVISOR).get("/api/v1/debts/debt-" + UUID.randomUUID() + "/contact-notes").status())
                .isEqualTo(404);
    }

    @Test
    void aNoteSaysSomethingInAtMostAThousandCharacters() {
        String debtId = register(newDebtor());
        String contactId = call(debtId);

        StandaloneLedger.Answer empty = note(debtId, contactId, "  ");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(422);
        assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
        assertThat(empty.json().path("rule").asText()).isEqualTo("CONTACT_NOTE_EMPTY");
        StandaloneLedger.Answer missing = ledger.as(ADVISOR).send("PUT",
                "/api/v1/debts/" + debtId + "/contacts/" + contactId + "/note", "{}");
        assertThat(missing.json().path("rule").asText()).as(missing.toString()).isEqualTo("CONTACT_NOTE_EMPTY");

        StandaloneLedger.Answer tooLong = note(debtId, contactId, "x".repeat(1001));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(422);
        assertThat(tooLong.json().path("rule").asText()).isEqualTo("CONTACT_NOTE_TOO_LONG");
        assertThat(tooLong.response().body()).as("a refusal does not repeat the note").doesNotContain("xxxx");

        assertThat(note(debtId, contactId, "ä".repeat(1000)).status()).as("a thousand characters, not bytes")
                .isEqualTo(204);
    }

    @Test
    void aCreditorReadingItsDebtSeesTheContactsOutcomesAndNeverANoteNorDoesTheDebtor() {
        String debtor = newDebtor();
        String debtId = register(debtor);
        String contactId = call(debtId);
        assertThat(note(debtId, contactId, NOTE).status()).isEqualTo(204);

        StandaloneLedger.Answer asCreditor = ledger.as(CREDITOR).get("/api/v1/debts/" + debtId);
        assertThat(asCreditor.status()).as(asCreditor.toString()).isEqualTo(200);
        assertThat(asCreditor.json().path("contacts")).singleElement().satisfies(contact -> {
            assertThat(contact.path("contactId").asText()).isEqualTo(contactId);
            assertThat(contact.path("direction").asText()).isEqualTo("INBOUND");
            assertThat(contact.path("channel").asText()).isEqualTo("PHONE");
            assertThat(contact.path("outcome").asText()).isEqualTo("REACHED");
            assertThat(contact.has("note")).isFalse();
        });
        assertThat(asCreditor.response().body()).doesNotContain("Lost her job");
        assertThat(ledger.as(CREDITOR).get("/api/v1/debts/" + debtId + "/contact-notes").status()).isEqualTo(403);
        assertThat(ledger.as(CREDITOR).send("PUT", "/api/v1/debts/" + debtId + "/contacts/" + contactId + "/note",
                "{\"note\": \"the creditor's own\"}").status()).isEqualTo(403);

        StandaloneLedger asDebtor = ledger.as("debtor:" + debtor);
        StandaloneLedger.Answer own = asDebtor.get("/api/v1/self-service/debts/" + debtId);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.response().body()).doesNotContain("Lost her job");
        assertThat(asDebtor.get("/api/v1/debts/" + debtId + "/contact-notes").status()).isEqualTo(403);
    }

    @Test
    void erasureDeletesTheDebtorsNotesAndAReadThenAnswersGone() {
        String debtor = newDebtor();
        String debtId = register(debtor);
        String contactId = call(debtId);
        assertThat(note(debtId, contactId, NOTE).status()).isEqualTo(204);
        assertThat(ledger.as(ADVISOR).post("/api/v1/debts/" + debtId + "/write-off",
                "{\"reason\": \"uncollectable\", \"date\": \"2025-03-06\"}").status()).isEqualTo(200);

        StandaloneLedger.Answer erased = ledger.as(COMPLIANCE).post("/api/v1/debtors/" + debtor + "/erasure",
                "{\"reason\": \"the debtor asked, nothing is owed\"}");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

        StandaloneLedger.Answer gone = ledger.as(ADVISOR).get("/api/v1/debts/" + debtId + "/contact-notes");
        assertThat(gone.status()).as(gone.toString()).isEqualTo(410);
        assertThat(ledger.database.sql("SELECT count(*) FROM ledger_private.contact_note WHERE debtor_id = :debtor")
                .param("debtor", debtor).query(Long.class).single()).isZero();
        assertThat(note(debtId, contactId, "Called again.").status()).as("no new key beside the erased data")
                .isEqualTo(410);
        assertThat(ledger.as(ADVISOR).get("/api/v1/debts/" + debtId).json().path("contacts"))
                .as("the contact's facts stay").hasSize(1);
    }
}
