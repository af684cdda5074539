package org.debtledger.command.contact;

import org.debtledger.command.CommandSideTest;
import org.debtledger.command.LedgerHttp.Answer;
import org.debtledger.command.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ContactApiTest extends CommandSideTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "contact_api");
    }

    private String registeredFor(String debtorId) {
        String debtId = newDebtId();
        Answer answer = http.post("/api/v1/debts", registration(debtId, "100.00").replace("d-1001", debtorId));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return debtId;
    }

    private static String newDebtorId() {
        return "d-" + UUID.randomUUID();
    }

    private static String call(String outcome) {
        return "{\"direction\": \"OUTBOUND\", \"channel\": \"PHONE\", \"outcome\": \"" + outcome
                + "\", \"date\": \"2025-03-05\"}";
    }

    @Test
    void aContactIsRecordedAndAnsweredWithItsId() {
        String debtId = registeredFor(newDebtorId());
        Answer answer = http.post("/api/v1/debts/" + debtId + "/contacts", """
                {"contactId": "call-1", "direction": "OUTBOUND", "channel": "PHONE", "outcome": "REACHED",
                 "date": "2025-03-05"}""");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("contactId").asText()).isEqualTo("call-1");
        assertThat(answer.json().path("sequenceNumber").asLong()).isEqualTo(1);

        Answer unnamed = http.post("/api/v1/debts/" + debtId + "/contacts", """
                {"direction": "INBOUND", "channel": "CHAT", "outcome": "REACHED", "date": "2025-03-05"}""");
        assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(200);
        assertThat(unnamed.json().path("contactId").asText()).hasSize(36);
        assertThat(eventCount(debtId)).isEqualTo(3);
    }

    @Test
    void aSecondCallOnOneDayAboutAnotherDebtOfTheSameDebtorIsRefusedByRuleAndWritesNothing() {
        String debtor = newDebtorId();
        String first = registeredFor(debtor);
        String second = registeredFor(debtor);
        assertThat(http.post("/api/v1/debts/" + first + "/contacts", call("NO_ANSWER")).status()).isEqualTo(200);

        Answer refused = http.post("/api/v1/debts/" + second + "/contacts", call("REACHED"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("rule").asText()).isEqualTo("CONTACT_LIMIT_REACHED");
        assertThat(eventCount(second)).isEqualTo(1);

        String otherDebtor = registeredFor(newDebtorId());
        assertThat(http.post("/api/v1/debts/" + otherDebtor + "/contacts", call("REACHED")).status()).isEqualTo(200);
    }

    @Test
    void theSameContactPostedTwiceIsRecordedOnceAndAnsweredAlike() {
        String debtId = registeredFor(newDebtorId());
        String call = """
                {"contactId": "call-1", "direction": "OUTBOUND", "channel": "PHONE", "outcome": "NO_ANSWER",
                 "date": "2025-03-05"}""";
        Answer first = http.post("/api/v1/debts/" + debtId + "/contacts", call);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        Answer again = http.post("/api/v1/debts/" + debtId + "/contacts", call);
        assertThat(again.status()).as("a repeat is not held to the day's limit: " + again).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(eventCount(debtId)).isEqualTo(2);

        Answer otherFacts = http.post("/api/v1/debts/" + debtId + "/contacts", call.replace("NO_ANSWER", "REACHED"));
        assertThat(otherFacts.status()).as(otherFacts.toString()).isEqualTo(422);
        assertThat(otherFacts.json().path("rule").asText()).isEqualTo("CONTACT_ID_REUSED_WITH_DIFFERENT_FACTS");
        assertThat(eventCount(debtId)).isEqualTo(2);
    }

    @Test
    void aCallBackAskedForIsBookedWithTheContact() {
        String debtId = registeredFor(newDebtorId());
        Answer answer = http.post("/api/v1/debts/" + debtId + "/contacts", """
                {"direction": "OUTBOUND", "channel": "PHONE", "outcome": "CALL_BACK_REQUESTED", "date": "2025-03-05",
                 "callBack": {"on": "2025-03-07", "from": "09:00", "to": "11:30"}}""");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(eventCount(debtId)).isEqualTo(3);
    }

    @Test
    void aMalformedContactIsRefusedWith400AndWritesNothing() {
        String debtId = registeredFor(newDebtorId());
        for (String body : new String[]{
                "{\"channel\": \"PHONE\", \"outcome\": \"REACHED\"}",
                "{\"direction\": \"SIDEWAYS\", \"channel\": \"PHONE\", \"outcome\": \"REACHED\"}",
                "{\"contactId\": \"has space\", \"direction\": \"INBOUND\", \"channel\": \"PHONE\","
                        + " \"outcome\": \"REACHED\"}",
                "{\"direction\": \"INBOUND\", \"channel\": \"PHONE\", \"outcome\": \"CALL_BACK_REQUESTED\","
                        + " \"callBack\": {\"on\": \"2025-03-07\", \"from\": \"9\", \"to\": \"11:30\"}}"}) {
            Answer answer = http.post("/api/v1/debts/" + debtId + "/contacts", body);
            assertThat(answer.status()).as(body + " " + answer).isEqualTo(400);
        }
        assertThat(eventCount(debtId)).isEqualTo(1);
    }
}
