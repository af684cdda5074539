package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.debtledger.debt.DebtId;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read models rebuilt while they answer, identical to the ones built live, poison events dead-lettered again; a
 * rebuild left by a process that died given up, and one whose segment another process keeps; and a query side
 * resumed after a restart.
 */
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
                // a reason with what COPY's text format must escape: a backslash, a tab, a line end
                StandaloneLedger.Answer disputed = ledger.post("/api/v1/debts/" + debt + "/disputes",
                        "{\"reason\": \"never ordered \\\\ \\\"no\\\"\\tsee\\nletter\", \"date\": \"2025-03-11\"}");
                assertThat(disputed.status()).as(disputed.toString()).isLessThan(300);
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

    private static long differences(StandaloneLedger ledger, String base, Object a, Object b) {
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

    /** A fee charged to a debt never registered: the debt view cannot fold it, so it is dead-lettered. */
    private static String poisonEvent(StandaloneLedger ledger) {
        String ghost = "ghost-" + UUID.randomUUID();
        EventStore eventStore = ledger.context.getBean(EventStore.class);
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(new GenericDomainEventMessage<>("Debt",
                ghost, 0, new FeeCharged(new DebtId(ghost), FeeType.REMINDER, Money.of("5.00", "EUR"),
                        Money.of("5.00", "EUR"), null, LocalDate.parse("2025-03-05")))));
        return ghost;
    }

    private static List<String> deadLetters(StandaloneLedger ledger, String debtId) {
        return ledger.database.sql("SELECT processinggroup FROM deadletterentry WHERE sequenceidentifier = :id")
                .param("id", debtId).query(String.class).list();
    }

    @Test
    void aRebuildAnswersQueriesThroughoutAndEndsIdenticalToTheLiveModel() throws Exception {
        try (StandaloneLedger ledger = StandaloneLedger.start(dataDirectory)) {
            List<String> debts = someHistory(ledger, 12);
            String ghost = poisonEvent(ledger);
            awaitFresh(ledger, debts.get(0), head(ledger));
            assertThat(deadLetters(ledger, ghost)).containsExactly("debts");

            for (String projection : List.of("debts", "advisor-queue")) {
                // the fill's first step, clearing the model's dead letters, waits while this holds their table
                try (Connection holding = ledger.context.getBean(DataSource.class).getConnection()) {
                    holding.setAutoCommit(false);
                    holding.createStatement().execute("LOCK TABLE deadletterentry IN SHARE MODE");
                    StandaloneLedger.Answer started = ledger.post("/api/v1/admin/projections/" + projection
                            + "/rebuild", null);
                    assertThat(started.status()).as(started.toString()).isEqualTo(200);
                    assertThat(started.json().path("buildingVersion").asInt()).as(started.toString()).isEqualTo(2);
                    assertThat(ledger.get("/api/v1/debts/" + debts.get(3)).status()).isEqualTo(200);
                    StandaloneLedger.Answer again = ledger.post("/api/v1/admin/projections/" + projection
                            + "/rebuild", null);
                    assertThat(again.status()).as(again.toString()).isEqualTo(409);
                    holding.rollback();
                }
                JsonNode status = awaitRebuilt(ledger, projection);
                assertThat(status.path("activeVersion").asInt()).isEqualTo(2);
                assertThat(status.path("eventsLeft").asLong()).isZero();
            }

            assertThat(differences(ledger, "debt_view", 1, 2)).isZero();
            assertThat(differences(ledger, "audit_entry", 1, 2)).isZero();
            assertThat(differences(ledger, "work_item", 1, 2)).isZero();
            assertThat(differences(ledger, "work_debt", 1, 2)).isZero();
            // the poison event was folded again, failed again, and is dead-lettered once, as before
            assertThat(deadLetters(ledger, ghost)).containsExactly("debts");

            // Live events after the switch reach the new version.
            long position = Long.parseLong(ledger.post("/api/v1/debts/" + debts.get(1) + "/fees",
                    "{\"type\": \"REMINDER\", \"date\": \"2025-06-01\"}").json().path("position").asText());
            StandaloneLedger.Answer view = ledger.get("/api/v1/debts/" + debts.get(1) + "?minPosition=" + position);
            assertThat(view.json().path("position").asLong()).isEqualTo(position);
            // queries read the new version: the views of the active version were replaced in the switch
            for (String table : List.of("debt_view", "audit_entry", "work_item", "work_debt")) {
                assertThat(differences(ledger, table, "active", 2)).as(table).isZero();
            }
            // the reminder and its letter
            assertThat(differences(ledger, "audit_entry", "active", 1)).isEqualTo(2);
        }
    }

    @Test
    void everyModelIsRebuiltFromOneReadingOfTheStore() {
        try (StandaloneLedger ledger = StandaloneLedger.start(dataDirectory)) {
            List<String> debts = someHistory(ledger, 6);
            awaitFresh(ledger, debts.get(0), head(ledger));

            StandaloneLedger.Answer started = ledger.post("/api/v1/admin/projections/rebuild", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(200);
            assertThat(started.json().findValuesAsText("projection"))
                    .containsExactly("debts", "advisor-queue", "portfolio", "remittance");
            assertThat(started.json().findValuesAsText("buildingVersion")).containsExactly("2", "2", "2", "2");
            for (String projection : List.of("debts", "advisor-queue", "portfolio", "remittance")) {
                assertThat(awaitRebuilt(ledger, projection).path("activeVersion").asInt()).isEqualTo(2);
            }
            for (String table : List.of("debt_view", "audit_entry", "work_item", "work_debt", "work_item_change",
                    "portfolio_debt", "portfolio_collection", "portfolio_plan", "portfolio_promise", "remittance_debt",
                    "remittance_entry")) {
                assertThat(differences(ledger, table, 1, 2)).as(table).isZero();
            }
        }
    }

    @Test
    void aRebuildWhoseProcessStoppedIsGivenUpAndTheActiveVersionStays() {
        try (StandaloneLedger ledger = StandaloneLedger.start(dataDirectory)) {
            List<String> debts = someHistory(ledger, 2);
            awaitFresh(ledger, debts.get(0), head(ledger));
            // what a query process that died while filling version 2 leaves behind
            ledger.database.sql("CREATE TABLE ledger_read.debt_view_2 (LIKE ledger_read.debt_view_1 INCLUDING ALL)")
                    .update();
            ledger.database.sql("UPDATE ledger_read.projection_version SET building = 2 WHERE projection = 'debts'")
                    .update();
            ledger.database.sql("""
                    INSERT INTO ledger_read.projection_rebuild (projection, version, status, started_at, head, node)
                    VALUES ('debts', 2, 'RUNNING', now() - interval '1 minute', 100, 'gone@elsewhere')""").update();

            JsonNode failed = await().atMost(Duration.ofSeconds(30))
                    .until(() -> ledger.get("/api/v1/admin/projections/debts/status").json(),
                            status -> status.path("status").asText().equals("FAILED"));
            assertThat(failed.path("failure").asText()).contains("gone@elsewhere");
            assertThat(failed.path("activeVersion").asInt()).isEqualTo(1);
            assertThat(failed.path("buildingVersion").isNull()).as(failed.toString()).isTrue();
            assertThat(ledger.database.sql("SELECT to_regclass('ledger_read.debt_view_2') IS NULL")
                    .query(Boolean.class).single()).isTrue();
            assertThat(ledger.get("/api/v1/debts/" + debts.get(1)).status()).isEqualTo(200);

            assertThat(ledger.post("/api/v1/admin/projections/debts/rebuild", null).json()
                    .path("buildingVersion").asInt()).isEqualTo(3);
            assertThat(awaitRebuilt(ledger, "debts").path("activeVersion").asInt()).isEqualTo(3);
            assertThat(differences(ledger, "debt_view", 1, 3)).isZero();
        }
    }

    @Test
    void aRebuildWhoseSegmentAnotherProcessKeepsIsGivenUpNamingItAndTheActiveVersionStays() {
        try (StandaloneLedger ledger = StandaloneLedger.start(dataDirectory, "--ledger.rebuild.claim-wait=2s")) {
            List<String> debts = someHistory(ledger, 2);
            awaitFresh(ledger, debts.get(0), head(ledger));
            // a query process that holds a segment of the debts' processor and does not let it go for a minute
            ledger.database.sql("UPDATE tokenentry SET owner = 'stubborn@elsewhere', timestamp = :until"
                            + " WHERE processorname = 'debts' AND segment = 1")
                    .param("until", Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MILLIS).toString())
                    .update();

            StandaloneLedger.Answer refused = ledger.post("/api/v1/admin/projections/debts/rebuild", null);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().path("type").asText())
                    .isEqualTo("urn:debt-ledger:problem:rebuild-segments-not-free");
            assertThat(refused.json().path("detail").asText()).as(refused.toString())
                    .contains("segment 1 of debts is held by stubborn@elsewhere");
            JsonNode status = ledger.get("/api/v1/admin/projections/debts/status").json();
            assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("FAILED");
            assertThat(status.path("failure").asText()).contains("stubborn@elsewhere");
            assertThat(status.path("activeVersion").asInt()).isEqualTo(1);
            assertThat(status.path("buildingVersion").isNull()).as(status.toString()).isTrue();
            assertThat(ledger.database.sql("SELECT to_regclass('ledger_read.debt_view_2') IS NULL")
                    .query(Boolean.class).single()).isTrue();
            assertThat(ledger.get("/api/v1/debts/" + debts.get(1)).status()).isEqualTo(200);
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
            assertThat(after).isEqualTo(auditRows + 2); // the reminder and its letter
            JsonNode timeline = ledger.get("/api/v1/debts/" + debts.get(1) + "/history").json().path("entries");
            for (int i = 0; i < timeline.size(); i++) {
                assertThat(timeline.get(i).path("sequenceNumber").asInt()).isEqualTo(i);
            }
            assertThat(timeline.get(timeline.size() - 2).path("type").asText()).isEqualTo("FeeCharged");
            assertThat(timeline.get(timeline.size() - 1).path("type").asText()).isEqualTo("ContactRecorded");
        }
    }
}
