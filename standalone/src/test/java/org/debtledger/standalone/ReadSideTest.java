package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtStatus;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.money.Money;
import org.debtledger.query.debt.DebtView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read side answering as advisors and compliance officers need, from commands through real HTTP. */
class ReadSideTest {

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

    private static String register(String debtor, String creditor, String principal) {
        String debtId = "debt-" + UUID.randomUUID();
        StandaloneLedger.Answer answer = ledger.post("/api/v1/debts", """
                {"debtId": "%s", "creditorId": "%s", "debtorId": "%s", "invoiceReference": "INV-1",
                 "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"}, "description": "Broadband, January 2025",
                 "principal": {"amount": "%s", "currency": "EUR"}, "dueDate": "2025-02-15", "debtType": "CONSUMER",
                 "jurisdiction": "FI", "date": "2025-03-01"}""".formatted(debtId, creditor, debtor, principal),
                "X-Channel", "ADVISOR_PHONE");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return debtId;
    }

    private static long command(String path, String body) {
        StandaloneLedger.Answer answer = ledger.post(path, body);
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 201);
        return answer.json().path("position").asLong();
    }

    private static JsonNode fresh(String path, long minPosition) {
        StandaloneLedger.Answer answer = ledger.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + minPosition);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(Long.parseLong(answer.header("X-Read-Position"))).isGreaterThanOrEqualTo(minPosition);
        return answer.json();
    }

    private static <T> T eventually(Supplier<T> attempt, java.util.function.Predicate<T> done) {
        return await().atMost(Duration.ofSeconds(30)).until(attempt::get, done::test);
    }

    @Test
    void anAdvisorSeesTheirOwnWriteAtOnce() {
        String debt = register("d-" + UUID.randomUUID(), "acme-telecom", "100.00");
        long position = command("/api/v1/debts/" + debt + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}");

        JsonNode view = fresh("/api/v1/debts/" + debt, position);

        assertThat(view.path("position").asLong()).isEqualTo(position);
        assertThat(view.path("outstanding").path("fees").path("amount").asText()).isEqualTo("14.00");
        assertThat(view.path("outstanding").path("total").path("amount").asText()).isEqualTo("114.00");
    }

    @Test
    void aViewNotYetFreshEnoughAnswers503WithRetryAfter() throws Exception {
        String debt = register("d-" + UUID.randomUUID(), "acme-telecom", "100.00");
        String path = "/api/v1/debts/" + debt + "/fees";
        try (Connection holding = ledger.context.getBean(DataSource.class).getConnection()) {
            holding.setAutoCommit(false);
            // while the tokens are held, the processors cannot commit what they apply
            holding.createStatement().execute("LOCK TABLE tokenentry IN EXCLUSIVE MODE");
            long position = command(path, "{\"type\": \"REMINDER\", \"date\": \"2025-03-05\"}");
            StandaloneLedger.Answer answer = ledger.get("/api/v1/debts/" + debt + "?minPosition=" + position);
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isEqualTo("1");
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            holding.rollback();
            assertThat(fresh("/api/v1/debts/" + debt, position).path("outstanding").path("fees").path("amount")
                    .asText()).isEqualTo("5.00");
        }
    }

    @Test
    void aReadPastAPositionWhoseTransactionRolledBackIsAnsweredWithoutWaitingOutTheGapTimeout() throws Exception {
        String debt = register("d-" + UUID.randomUUID(), "acme-telecom", "100.00");
        try (Connection aborted = ledger.context.getBean(DataSource.class).getConnection()) {
            aborted.setAutoCommit(false);
            EventStreamTest.insertRegistration(aborted, "aborted-" + UUID.randomUUID());
            aborted.rollback(); // its position is a hole, below the fee's
        }
        long position = command("/api/v1/debts/" + debt + "/fees", "{\"type\": \"REMINDER\", \"date\": \"2025-03-05\"}");

        // answered once the hole is known as one, well before the gap timeout (10 s) would give it up
        StandaloneLedger.Answer answer = await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(100))
                .until(() -> ledger.get("/api/v1/debts/" + debt + "?minPosition=" + position),
                        read -> read.status() == 200);
        assertThat(answer.json().path("outstanding").path("fees").path("amount").asText()).isEqualTo("5.00");
    }

    @Test
    void aPositionBeyondTheNewestEventIsRefusedAtOnceAsNoWaitCanReachIt() {
        String debt = register("d-" + UUID.randomUUID(), "acme-telecom", "100.00");
        StandaloneLedger.Answer answer = ledger.get("/api/v1/debts/" + debt + "?minPosition=" + Long.MAX_VALUE);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).contains("beyond the newest event stored");
    }

    @Test
    void historyReplayedFromTheEventStoreAgreesWithTheDebtViewAndShowsThePast() throws Exception {
        String debt = register("d-" + UUID.randomUUID(), "acme-telecom", "100.00");
        Instant registered = Instant.now();
        await().until(() -> Instant.now().isAfter(registered.plusMillis(10)));
        Instant beforeTheFee = Instant.now();
        await().until(() -> Instant.now().isAfter(beforeTheFee.plusMillis(10)));
        long position = command("/api/v1/debts/" + debt + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}");
        position = Math.max(position, command("/api/v1/debts/" + debt + "/assignment", "{\"advisorId\": \"advisor-7\"}"));

        JsonNode view = fresh("/api/v1/debts/" + debt, position);
        JsonNode now = ledger.get("/api/v1/debts/" + debt + "/history?asOf=" + Instant.now()).json();
        JsonNode past = ledger.get("/api/v1/debts/" + debt + "/history?asOf=" + beforeTheFee).json();
        JsonNode changes = ledger.get("/api/v1/debts/" + debt + "/history?from=" + beforeTheFee + "&to="
                + Instant.now()).json();

        assertThat(now.path("state")).isEqualTo(view);
        assertThat(past.path("state").path("outstanding").path("fees").path("amount").asText()).isEqualTo("0.00");
        assertThat(past.path("events").findValuesAsText("type")).containsExactly("DebtRegistered");
        assertThat(changes.path("events").findValuesAsText("type")).containsExactly("FeeCharged", "ContactRecorded",
                "CaseAssigned");
        assertThat(changes.path("after")).isEqualTo(view);
        assertThat(changes.path("differences").findValuesAsText("path"))
                .contains("/outstanding/fees/amount", "/outstanding/total/amount", "/advisorId");
        JsonNode advisor = changes.path("differences").findParents("path").stream()
                .filter(difference -> difference.path("path").asText().equals("/advisorId")).findFirst().orElseThrow();
        assertThat(advisor.path("before").isNull()).isTrue();
        assertThat(advisor.path("after").asText()).isEqualTo("advisor-7");
    }

    @Test
    void historyOnABusinessDateAnswersWhatWasOwedThenFromAllKnownNowOrFromWhatWasKnownAtAnInstant() {
        // 3,650.00 due 10 January; close of business on 31 March posts 84.00 (80 days at 10.5 %); later 1,000.00
        // value-dated 15 March arrives: it pays 67.20 of interest and 932.80 of principal, and 16 days on 2,717.20
        // are 12.51 of interest
        String debtor = "d-" + UUID.randomUUID();
        String debt = "debt-" + UUID.randomUUID();
        StandaloneLedger.Answer registered = ledger.post("/api/v1/debts", """
                {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "%s", "invoiceReference": "INV-7",
                 "invoicePeriod": {"from": "2024-12-01", "to": "2024-12-31"}, "description": "Broadband, December 2024",
                 "principal": {"amount": "3650.00", "currency": "EUR"}, "dueDate": "2025-01-10", "debtType": "CONSUMER",
                 "jurisdiction": "FI", "date": "2025-01-20"}""".formatted(debt, debtor));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        command("/api/v1/operations/close-of-business", "{\"businessDate\": \"2025-03-31\"}");
        Instant closed = Instant.now();
        await().until(() -> Instant.now().isAfter(closed.plusMillis(10)));
        Instant beforeThePayment = Instant.now();
        await().until(() -> Instant.now().isAfter(beforeThePayment.plusMillis(10)));
        command("/api/v1/debts/" + debt + "/payments", "{\"paymentId\": \"RF-BACK-1\", \"amount\": "
                + "{\"amount\": \"1000.00\", \"currency\": \"EUR\"}, \"valueDate\": \"2025-03-15\", \"channel\": \"BANK_FILE\"}");
        String history = "/api/v1/debts/" + debt + "/history";

        JsonNode monthEnd = ledger.get(history + "?businessDate=2025-03-31").json();
        assertThat(amount(monthEnd, "principal")).isEqualTo("2717.20");
        assertThat(amount(monthEnd, "interest")).isEqualTo("12.51");
        assertThat(amount(monthEnd, "total")).isEqualTo("2729.71");
        assertThat(monthEnd.path("interestAccruedNotPosted").path("amount").asText()).isEqualTo("0.00");
        assertThat(monthEnd.path("facts").findValuesAsText("type")).containsExactly("Posted", "Paid");

        JsonNode monthEndKnownThen = ledger.get(history + "?businessDate=2025-03-31&knownAt=" + beforeThePayment).json();
        assertThat(amount(monthEndKnownThen, "total")).isEqualTo("3734.00");
        assertThat(amount(monthEndKnownThen, "interest")).isEqualTo("84.00");
        assertThat(monthEndKnownThen.path("knownAt").asText()).isEqualTo(beforeThePayment.toString());

        JsonNode midMonth = ledger.get(history + "?businessDate=2025-03-20").json();
        assertThat(amount(midMonth, "principal")).isEqualTo("2717.20");
        assertThat(amount(midMonth, "interest")).isEqualTo("0.00");
        assertThat(midMonth.path("state").path("paid").path("amount").asText()).isEqualTo("1000.00");
        assertThat(midMonth.path("state").path("interestAccruedThrough").asText()).isEqualTo("2025-03-15");
        // 16 to 20 March on 2,717.20
        assertThat(midMonth.path("interestAccruedNotPosted").path("amount").asText()).isEqualTo("3.91");

        JsonNode changes = ledger.get(history + "?fromBusinessDate=2025-03-20&toBusinessDate=2025-03-31").json();
        assertThat(changes.path("before").path("state")).isEqualTo(midMonth.path("state"));
        assertThat(changes.path("after").path("state")).isEqualTo(monthEnd.path("state"));
        assertThat(changes.path("differences").findValuesAsText("path")).contains(
                "/state/outstanding/interest/amount", "/state/interestAccruedThrough",
                "/interestAccruedNotPosted/amount").doesNotContain("/state/outstanding/principal/amount");
        JsonNode interest = changes.path("differences").get(changes.path("differences").findValuesAsText("path")
                .indexOf("/state/outstanding/interest/amount"));
        assertThat(interest.path("before").asText()).isEqualTo("0.00");
        assertThat(interest.path("after").asText()).isEqualTo("12.51");

        // asOf keeps its meaning: everything recorded by then, folded as recorded
        JsonNode asRecorded = ledger.get(history + "?asOf=" + beforeThePayment).json();
        assertThat(asRecorded.path("state").path("outstanding").path("total").path("amount").asText())
                .isEqualTo("3734.00");
        long reads = ledger.database.sql("SELECT count(*) FROM ledger_private.access_log WHERE debt_id = :debt"
                + " AND resource = :resource").param("debt", debt).param("resource", "GET " + history)
                .query(Long.class).single();
        assertThat(reads).isEqualTo(5);
    }

    @Test
    void aBusinessDateIsNotAskedTogetherWithRecordedTimeAndKnownAtOnlyWithABusinessDate() {
        String debt = register("d-" + UUID.randomUUID(), "acme-telecom", "100.00");
        String history = "/api/v1/debts/" + debt + "/history";
        for (String query : List.of("?knownAt=2030-01-01T00:00:00Z",
                "?asOf=2030-01-01T00:00:00Z&knownAt=2030-01-01T00:00:00Z",
                "?businessDate=2025-03-31&asOf=2030-01-01T00:00:00Z",
                "?businessDate=2025-03-31&from=2025-01-01T00:00:00Z&to=2030-01-01T00:00:00Z",
                "?fromBusinessDate=2025-03-31", "?fromBusinessDate=2025-03-31&toBusinessDate=2025-03-01",
                "?businessDate=2025-03-31&fromBusinessDate=2025-03-01&toBusinessDate=2025-03-31")) {
            StandaloneLedger.Answer answer = ledger.get(history + query);
            assertThat(answer.status()).as(query + " -> " + answer).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    private static String amount(JsonNode answer, String component) {
        return answer.path("state").path("outstanding").path(component).path("amount").asText();
    }

    @Test
    void theAuditTimelineSaysWhoDidWhatAndTheBalanceAfter() {
        String debt = register("d-" + UUID.randomUUID(), "acme-telecom", "100.00");
        long position = command("/api/v1/debts/" + debt + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}");

        JsonNode entries = fresh("/api/v1/debts/" + debt + "/history", position).path("entries");

        assertThat(entries).hasSize(3); // registered, the demand's fee and its letter
        assertThat(entries.get(0).path("actorId").asText()).isEqualTo("advisor");
        assertThat(entries.get(0).path("actorRole").asText()).isEqualTo("ADVISOR");
        assertThat(entries.get(0).path("channel").asText()).isEqualTo("ADVISOR_PHONE");
        assertThat(entries.get(1).path("type").asText()).isEqualTo("FeeCharged");
        assertThat(entries.get(1).path("businessDate").asText()).isEqualTo("2025-03-05");
        assertThat(entries.get(1).path("details").path("amount").path("amount").asText()).isEqualTo("14.00");
        assertThat(entries.get(1).path("balanceAfter").path("outstanding").path("total").path("amount").asText())
                .isEqualTo("114.00");
        assertThat(entries.get(2).path("type").asText()).isEqualTo("ContactRecorded");
        assertThat(entries.get(2).path("details").path("channel").asText()).isEqualTo("LETTER");
    }

    @Test
    void theDebtorBalanceQuotesWhatSettlesEverythingOnADate() {
        String debtor = "d-" + UUID.randomUUID();
        register(debtor, "acme-telecom", "1000.00");
        String second = register(debtor, "acme-energy", "100.00");
        long position = command("/api/v1/debts/" + second + "/write-off",
                "{\"reason\": \"uncollectable\", \"date\": \"2025-03-02\"}");

        JsonNode balance = fresh("/api/v1/debtors/" + debtor + "/balance?payoffDate=2025-03-31", position);

        // 1000.00 + late interest for 16 Feb..31 Mar (44 days at 10.5 %) = 12.66; the written-off debt owes nothing.
        assertThat(balance.path("debts")).hasSize(2);
        assertThat(balance.path("totals").get(0).path("outstanding").path("amount").asText()).isEqualTo("1000.00");
        assertThat(balance.path("totals").get(0).path("payoff").path("amount").asText()).isEqualTo("1012.66");
    }

    @Test
    void anAdvisorIsAnsweredWhileEveryConnectionOfTheProjectionsAndCommandsIsHeld() throws Exception {
        String debtor = "d-" + UUID.randomUUID();
        String debt = register(debtor, "acme-telecom", "100.00");
        fresh("/api/v1/debts/" + debt, command("/api/v1/debts/" + debt + "/fees",
                "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}"));
        HikariDataSource shared = ledger.context.getBean(DataSource.class).unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            // as a bank file or close of business may: every connection taken, each given back within the pool's
            // connection timeout (2 s), so the processors waiting for one are only delayed
            while (held.size() < shared.getMaximumPoolSize()) {
                held.add(shared.getConnection());
            }
            StandaloneLedger.Answer view = ledger.get("/api/v1/debts/" + debt);
            StandaloneLedger.Answer balance = ledger.get("/api/v1/debtors/" + debtor + "/balance");
            StandaloneLedger.Answer queue = ledger.get("/api/v1/advisor-queue");
            StandaloneLedger.Answer search = ledger.get("/api/v1/search?q=" + debt);

            assertThat(view.status()).as(view.toString()).isEqualTo(200);
            assertThat(view.json().path("outstanding").path("total").path("amount").asText()).isEqualTo("114.00");
            assertThat(balance.status()).as(balance.toString()).isEqualTo(200);
            assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
            assertThat(search.status()).as(search.toString()).isEqualTo(200);
            assertThat(search.json().path("matches")).hasSize(1);
            assertThat(shared.getHikariPoolMXBean().getActiveConnections()).isEqualTo(held.size());
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void aMissedInstalmentAppearsInTheQueueAfterCloseOfBusinessAndGoesWhenPaid() {
        String creditor = "creditor-" + UUID.randomUUID();
        String debt = register("d-" + UUID.randomUUID(), creditor, "100.00");
        command("/api/v1/debts/" + debt + "/payment-plans", """
                {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "50.00", "currency": "EUR"}},
                                 {"dueDate": "2025-05-01", "amount": {"amount": "50.40", "currency": "EUR"}}],
                 "channel": "SELF_SERVICE", "date": "2025-03-01"}""");
        command("/api/v1/operations/close-of-business", "{\"businessDate\": \"2025-04-08\"}");
        long missedAt = ledger.database.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();

        JsonNode queue = fresh("/api/v1/advisor-queue?creditorId=" + creditor + "&today=2025-04-08", missedAt);
        assertThat(queue.path("items").findValuesAsText("type")).containsExactly("INSTALMENT_MISSED");
        assertThat(queue.path("items").get(0).path("debtId").asText()).isEqualTo(debt);

        long paid = command("/api/v1/debts/" + debt + "/payments", "{\"paymentId\": \"RF-1\", \"amount\": "
                + "{\"amount\": \"50.00\", \"currency\": \"EUR\"}, \"valueDate\": \"2025-04-09\", \"channel\": \"BANK_FILE\"}");
        JsonNode after = fresh("/api/v1/advisor-queue?creditorId=" + creditor + "&today=2025-04-09", paid);
        assertThat(after.path("items")).isEmpty();
        assertThat(after.path("total").asLong()).isZero();
    }

    @Test
    void theQueueStreamSendsChangesAsTheyHappen() throws Exception {
        String creditor = "creditor-" + UUID.randomUUID();
        String debt = register("d-" + UUID.randomUUID(), creditor, "100.00");
        long after = ledger.database.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        HttpRequest request = ledger.request("/api/v1/advisor-queue/stream?after=" + (after - 1))
                .timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            boolean seen = false;
            while (!seen && (line = lines.readLine()) != null) {
                seen = line.startsWith("data:") && line.contains(debt) && line.contains("NO_PLAN_NO_CONTACT");
            }
            assertThat(seen).isTrue();
        }
    }

    @Test
    void aPoisonEventIsDeadLetteredAndRetriedWhileOtherDebtsGoOn() {
        String ghost = "ghost-" + UUID.randomUUID();
        EventStore eventStore = ledger.context.getBean(EventStore.class);
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(new GenericDomainEventMessage<>("Debt",
                ghost, 0, new FeeCharged(new DebtId(ghost), FeeType.REMINDER, Money.of("5.00", "EUR"),
                Money.of("5.00", "EUR"), null, LocalDate.parse("2025-03-05")))));

        List<Map<String, Object>> letters = eventually(() -> ledger.database.sql(
                        "SELECT deadletteridentifier, processinggroup FROM deadletterentry WHERE sequenceidentifier = :id")
                .param("id", ghost).query().listOfRows(), rows -> !rows.isEmpty());
        // The debt view cannot charge a fee to a debt it has never seen; the queue has nothing to do for it.
        assertThat(letters).extracting(row -> row.get("processinggroup")).containsExactly("debts");
        JsonNode listed = ledger.get("/api/v1/admin/dead-letters").json();
        assertThat(listed.findValuesAsText("debtId")).contains(ghost);
        // until then the reconciliation names it (and the rest of the check goes on)
        assertThat(mismatchesOf(ghost)).extracting(mismatch -> mismatch.path("model").asText() + ": "
                + mismatch.path("detail").asText().replaceAll(";.*|:.*", ""))
                .containsExactly("debt_view: the events cannot be folded",
                        "audit_timeline: lists 0 events, the store holds 1");

        String healthy = register("d-" + UUID.randomUUID(), "acme-telecom", "100.00");
        long position = ledger.database.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        assertThat(fresh("/api/v1/debts/" + healthy, position).path("debtId").asText()).isEqualTo(healthy);

        // The operator mends the cause (here: the debt view the event needs), then retries.
        String letter = letters.stream().filter(row -> row.get("processinggroup").equals("debts")).findFirst()
                .orElseThrow().get("deadletteridentifier").toString();
        DebtView mended = new DebtView(ghost, "acme-telecom", "d-ghost", "INV-0", null, "mended by hand",
                org.debtledger.debt.DebtType.CONSUMER, null,
                LocalDate.parse("2025-02-15"), LocalDate.parse("2025-03-01"), DebtStatus.OPEN,
                new DebtView.Outstanding(Money.of("10.00", "EUR"), Money.of("0.00", "EUR"), Money.of("0.00", "EUR"),
                        Money.of("10.00", "EUR")), Money.of("0.00", "EUR"), Money.of("0.00", "EUR"), null, null, null,
                null, LocalDate.parse("2025-02-15"), org.debtledger.interest.InterestFreezes.NONE, null, -1, 0, null,
                null);
        ledger.database.sql("INSERT INTO ledger_read.debt_view_1 (debt_id, debtor_id, creditor_id, status, sequence_number,"
                        + " position, view) VALUES (:id, 'd-ghost', 'acme-telecom', 'OPEN', -1, 0, CAST(:view AS jsonb))")
                .param("id", ghost)
                .param("view", org.debtledger.serialization.EventSerialization.objectMapper().valueToTree(mended).toString())
                .update();

        StandaloneLedger.Answer retry = ledger.post("/api/v1/admin/dead-letters/" + letter + "/retry", null);
        assertThat(retry.json().path("processed").asBoolean()).as(retry.toString()).isTrue();
        assertThat(ledger.get("/api/v1/admin/dead-letters").json().findValuesAsText("id")).doesNotContain(letter);
        assertThat(ledger.get("/api/v1/debts/" + ghost).json().path("outstanding").path("fees").path("amount").asText())
                .isEqualTo("5.00");
    }

    @Test
    void theReconciliationFindsAQueueItemThatDiffersFromTheEvents() {
        String debt = register("d-" + UUID.randomUUID(), "acme-telecom", "100.00");
        assertThat(mismatchesOf(debt)).isEmpty();

        String tamper = "UPDATE ledger_read.work_item_active SET priority = priority + :by WHERE debt_id = :debt";
        assertThat(ledger.database.sql(tamper).param("by", 1).param("debt", debt).update()).isEqualTo(1);
        try {
            assertThat(mismatchesOf(debt)).singleElement().satisfies(mismatch -> {
                assertThat(mismatch.path("model").asText()).isEqualTo("advisor_queue");
                assertThat(mismatch.path("detail").asText()).startsWith("work item " + debt + ":no-contact: stored");
            });
        } finally {
            ledger.database.sql(tamper).param("by", -1).param("debt", debt).update();
        }
        assertThat(mismatchesOf(debt)).isEmpty();
    }

    private static List<JsonNode> mismatchesOf(String debt) {
        StandaloneLedger.Answer answer = ledger.post("/api/v1/admin/reconciliation", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<JsonNode> mismatches = new ArrayList<>();
        answer.json().path("mismatches").forEach(mismatch -> {
            if (mismatch.path("debtId").asText().equals(debt)) {
                mismatches.add(mismatch);
            }
        });
        return mismatches;
    }

    @Test
    void theQueueFiltersByAdvisorAndTypeAndPagesMostUrgentFirst() {
        String creditor = "creditor-" + UUID.randomUUID();
        List<String> debts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String debt = register("d-" + UUID.randomUUID(), creditor, "100.00");
            debts.add(debt);
            command("/api/v1/debts/" + debt + "/payment-plans", """
                    {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "50.00", "currency": "EUR"}},
                                     {"dueDate": "2025-05-01", "amount": {"amount": "50.40", "currency": "EUR"}}],
                     "channel": "SELF_SERVICE", "date": "2025-03-01"}""");
        }
        command("/api/v1/debts/" + debts.get(0) + "/disputes", "{\"reason\": \"never ordered\", \"date\": \"2025-03-02\"}");
        command("/api/v1/debts/" + debts.get(1) + "/assignment", "{\"advisorId\": \"advisor-9\"}");
        command("/api/v1/operations/close-of-business", "{\"businessDate\": \"2025-04-08\"}");
        long position = ledger.database.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();

        JsonNode all = fresh("/api/v1/advisor-queue?creditorId=" + creditor + "&today=2025-04-08", position);
        assertThat(all.path("items").findValuesAsText("type"))
                .containsExactly("DISPUTE_OPENED", "INSTALMENT_MISSED", "INSTALMENT_MISSED");
        JsonNode mine = fresh("/api/v1/advisor-queue?creditorId=" + creditor + "&advisorId=advisor-9&today=2025-04-08",
                position);
        assertThat(mine.path("items").findValuesAsText("debtId")).containsExactly(debts.get(1));
        JsonNode missed = fresh("/api/v1/advisor-queue?creditorId=" + creditor
                + "&type=INSTALMENT_MISSED&today=2025-04-08&page=1&size=1", position);
        assertThat(missed.path("total").asLong()).isEqualTo(2);
        assertThat(missed.path("items")).hasSize(1);
        assertThat(ledger.get("/api/v1/advisor-queue?size=1000").status()).isEqualTo(400);
    }
}
