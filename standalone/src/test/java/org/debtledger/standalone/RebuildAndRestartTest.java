package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Read models rebuilt while they answer, identical to the ones built live; and resumed after a restart. */
class RebuildAndRestartTest {

    @TempDir
    Path dataDirectory;

    private static List<String> someHistory(StandaloneLedger ledger, int debts) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < debts; i++) {
            String debt = "debt-" + UUID.randomUUID();
            ids.add(debt);
            assertThat(ledger.post("/api/v1/debts", """
                    {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "d-%d", "invoiceReference": "INV-%d",
                     "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"}, "description": "Broadband",
                     "principal": {"amount": "%d.00", "currency": "EUR"}, "dueDate": "2025-02-15",
                     "debtType": "CONSUMER", "jurisdiction": "FI", "date": "2025-03-01"}"""
                    .formatted(debt, i % 3, i, 100 + i * 37)).status()).isEqualTo(201);
            ledger.post("/api/v1/debts/" + debt + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}");
            ledger.post("/api/v1/debts/" + debt + "/payments", "{\"paymentId\": \"RF-" + i + "\", \"amount\": "
                    + "{\"amount\": \"20.00\", \"currency\": \"EUR\"}, \"valueDate\": \"2025-03-10\", \"channel\": \"BANK_FILE\"}");
            if (i % 2 == 0) {
                ledger.post("/api/v1/debts/" + debt + "/disputes", "{\"reason\": \"never ordered\", \"date\": \"2025-03-11\"}");
            }
        }
        ledger.post("/api/v1/operations/close-of-business", "{\"businessDate\": \"2025-04-30\"}");
        return ids;
    }

    private static long head(StandaloneLedger ledger) {
        return ledger.database.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
    }

    private static void awaitFresh(StandaloneLedger ledger, String debt, long position) {
        StandaloneLedger.Answer answer = ledger.get("/api/v1/debts/" + debt + "?minPosition=" + position);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        StandaloneLedger.Answer queue = ledger.get("/api/v1/advisor-queue?minPosition=" + position);
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
    }

    private static long differences(StandaloneLedger ledger, String base, int a, int b) {
        String left = "ledger_read." + base + "_" + a;
        String right = "ledger_read." + base + "_" + b;
        return ledger.database.sql("SELECT count(*) FROM ((TABLE " + left + " EXCEPT TABLE " + right + ") UNION ALL"
                + " (TABLE " + right + " EXCEPT TABLE " + left + ")) AS difference").query(Long.class).single();
    }

    private static JsonNode awaitRebuilt(StandaloneLedger ledger, String projection) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> ledger.get("/api/v1/admin/projections/" + projection + "/status").json(),
                        status -> status.path("status").asText().equals("COMPLETED"));
    }

    @Test
    void aRebuildAnswersQueriesThroughoutAndEndsIdenticalToTheLiveModel() throws Exception {
        try (StandaloneLedger ledger = StandaloneLedger.start(dataDirectory)) {
            List<String> debts = someHistory(ledger, 12);
            awaitFresh(ledger, debts.get(0), head(ledger));

            for (String projection : List.of("debts", "advisor-queue")) {
                StandaloneLedger.Answer started = ledger.post("/api/v1/admin/projections/" + projection + "/rebuild", null);
                assertThat(started.status()).as(started.toString()).isEqualTo(200);
                assertThat(started.json().path("buildingVersion").asInt()).as(started.toString()).isEqualTo(2);
                assertThat(ledger.get("/api/v1/debts/" + debts.get(3)).status()).isEqualTo(200);
                assertThat(ledger.post("/api/v1/admin/projections/" + projection + "/rebuild", null).status())
                        .isEqualTo(409);
                JsonNode status = awaitRebuilt(ledger, projection);
                assertThat(status.path("activeVersion").asInt()).isEqualTo(2);
                assertThat(status.path("eventsLeft").asLong()).isZero();
            }

            assertThat(differences(ledger, "debt_view", 1, 2)).isZero();
            assertThat(differences(ledger, "audit_entry", 1, 2)).isZero();
            assertThat(differences(ledger, "work_item", 1, 2)).isZero();
            assertThat(differences(ledger, "work_debt", 1, 2)).isZero();

            // Live events after the switch reach the new version.
            long position = Long.parseLong(ledger.post("/api/v1/debts/" + debts.get(1) + "/fees",
                    "{\"type\": \"REMINDER\", \"date\": \"2025-06-01\"}").json().path("position").asText());
            StandaloneLedger.Answer view = ledger.get("/api/v1/debts/" + debts.get(1) + "?minPosition=" + position);
            assertThat(view.json().path("position").asLong()).isEqualTo(position);
        }
    }

    @Test
    void aRestartedQuerySideResumesFromItsTokensWithNoEffectTwice() {
        List<String> debts;
        long auditRows;
        try (StandaloneLedger ledger = StandaloneLedger.start(dataDirectory)) {
            debts = someHistory(ledger, 4);
            awaitFresh(ledger, debts.get(0), head(ledger));
            auditRows = ledger.database.sql("SELECT count(*) FROM ledger_read.audit_entry_1").query(Long.class).single();
            assertThat(auditRows).isEqualTo(head(ledger));
        }
        try (StandaloneLedger ledger = StandaloneLedger.start(dataDirectory)) {
            long position = ledger.post("/api/v1/debts/" + debts.get(1) + "/fees",
                    "{\"type\": \"REMINDER\", \"date\": \"2025-06-01\"}").json().path("position").asLong();
            awaitFresh(ledger, debts.get(1), position);
            long after = ledger.database.sql("SELECT count(*) FROM ledger_read.audit_entry_1").query(Long.class).single();
            assertThat(after).isEqualTo(auditRows + 1);
            JsonNode timeline = ledger.get("/api/v1/debts/" + debts.get(1) + "/history").json().path("entries");
            for (int i = 0; i < timeline.size(); i++) {
                assertThat(timeline.get(i).path("sequenceNumber").asInt()).isEqualTo(i);
            }
            assertThat(timeline.get(timeline.size() - 1).path("type").asText()).isEqualTo("FeeCharged");
        }
    }
}
