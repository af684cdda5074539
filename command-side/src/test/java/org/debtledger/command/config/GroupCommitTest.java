package org.debtledger.command.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.debtledger.command.LedgerHttp.Answer;
import org.debtledger.command.LedgerNode;
import org.debtledger.command.TestDatabase;
import org.debtledger.audit.Channel;
import org.debtledger.command.store.EventTableQueries;
import org.debtledger.debt.DebtId;
import org.debtledger.eventstore.GroupedStorageEngine;
import org.debtledger.money.Money;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.RecordPayment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;
import static org.debtledger.command.CommandSideTest.registration;

/**
 * Commands sent at once, through one lane with a window wide enough to gather them, share a commit: each answer
 * names its own events and a refusal undoes only itself. A conflict, or a commit that fails, has the group's commands
 * committed one by one, so that the failure is its own alone: every command acknowledged is stored, and none that
 * is not. A group's debts are read ahead as Axon would load them, and a command reads what those decided before it in
 * its group appended. A debt another process changed is read again before it is decided.
 */
class GroupCommitTest {

    private static final String DATABASE = "group_commit";
    private static final JdbcClient SQL =
            JdbcClient.create(new DriverManagerDataSource(TestDatabase.jdbcUrl(DATABASE), "postgres", ""));
    private static LedgerNode node;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(DATABASE, "ledger.group-commit.lanes=1", "ledger.group-commit.window=300ms",
                "ledger.snapshot-threshold=5");
        // a debt whose events PostgreSQL refuses when their transaction commits, as a full disk or a lost primary would
        SQL.sql("""
                CREATE OR REPLACE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'this debt''s events are refused at commit'; END $$""").update();
        SQL.sql("DROP TRIGGER IF EXISTS refuse_at_commit ON domainevententry").update();
        SQL.sql("""
                CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON domainevententry
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                WHEN (NEW.aggregateidentifier LIKE 'refused-at-commit-%') EXECUTE FUNCTION refuse_at_commit()""")
                .update();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String payment(String paymentId, String amount, String currency) {
        return "{\"paymentId\": \"" + paymentId + "\", \"amount\": {\"amount\": \"" + amount + "\", \"currency\": \""
                + currency + "\"}, \"valueDate\": \"2025-03-01\", \"channel\": \"BANK_FILE\"}";
    }

    private static List<String> registered(int count) {
        List<String> debts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String debt = "debt-" + UUID.randomUUID();
            assertThat(node.http.post("/api/v1/debts", registration(debt, "500.00")).status()).isEqualTo(201);
            debts.add(debt);
        }
        return debts;
    }

    /** Sends every request at the same moment, each from a thread of its own; the answers in the same order. */
    private static List<Answer> allAtOnce(List<Callable<Answer>> requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch ready = new CountDownLatch(requests.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> sent = new ArrayList<>();
            for (Callable<Answer> request : requests) {
                sent.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The debt's stored events as sequence number to position. */
    private static Map<Long, Long> stored(String debt) {
        Map<Long, Long> positions = new LinkedHashMap<>();
        SQL.sql("SELECT sequencenumber, globalindex FROM domainevententry WHERE aggregateidentifier = :debt"
                        + " ORDER BY sequencenumber").param("debt", debt)
                .query(row -> {
                    positions.put(row.getLong(1), row.getLong(2));
                });
        return positions;
    }

    private static DistributionSummary groups() {
        return node.bean(MeterRegistry.class).get("ledger.commands.group").summary();
    }

    private static long paymentsOf(String debt) {
        return SQL.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :debt"
                        + " AND payloadtype = 'org.debtledger.payment.PaymentReceived'").param("debt", debt)
                .query(Long.class).single();
    }

    /** A payment of 25.00 EUR to each of {@code debts}, to be sent; more may be added. */
    private static List<Callable<Answer>> payingEach(List<String> debts) {
        List<Callable<Answer>> requests = new ArrayList<>();
        for (String debt : debts) {
            requests.add(paying(node, debt, "p-" + debt));
        }
        return requests;
    }

    private static Callable<Answer> paying(LedgerNode to, String debt, String paymentId) {
        return () -> to.http.post("/api/v1/debts/" + debt + "/payments", payment(paymentId, "25.00", "EUR"));
    }

    @Test
    void withoutAWindowACommandThatFindsItsLaneIdleIsDecidedByItsCallerButOneInATransactionOrQueuedByTheLane() {
        DebtId debt = new DebtId(registered(1).get(0));
        PlatformTransactionManager transactions = node.bean(PlatformTransactionManager.class);
        try (GroupCommit noWindow = new GroupCommit(node.bean(CommandBus.class), transactions,
                node.bean(EventTableQueries.class), node.bean(GroupedStorageEngine.class), node.bean(AggregateCache.class), 1,
                64, Duration.ZERO,
                new SimpleMeterRegistry(), NoOpMessageMonitor.INSTANCE)) {
            List<String> answered = new CopyOnWriteArrayList<>(); // each answer: its thread, and whether it failed
            CommandCallback<Object, Object> note = (command, result) ->
                    answered.add(Thread.currentThread().getName() + (result.isExceptional() ? " failed" : ""));

            noWindow.bus().dispatch(asCommandMessage(paymentOf(debt, "here")), note);
            assertThat(answered).as("answered before the dispatch returned, in the caller's thread")
                    .containsExactly(Thread.currentThread().getName());

            new TransactionTemplate(transactions).executeWithoutResult(inATransaction ->
                    noWindow.bus().dispatch(asCommandMessage(paymentOf(debt, "in-a-transaction")), note));
            await().atMost(Duration.ofSeconds(30)).until(() -> answered.size() == 2);
            assertThat(answered.get(1)).as("decided by the lane, in a transaction of its own").isEqualTo("group-commit-1");

            noWindow.queuedBus().dispatch(asCommandMessage(paymentOf(debt, "queued")), note);
            await().atMost(Duration.ofSeconds(30)).until(() -> answered.size() == 3);
            assertThat(answered.get(2)).as("sent to wait for its lane").isEqualTo("group-commit-1");
        }
        assertThat(paymentsOf(debt.value())).isEqualTo(3);
    }

    private static RecordPayment paymentOf(DebtId debt, String paymentId) {
        return new RecordPayment(debt, new PaymentId(paymentId), Money.of("25.00", "EUR"), LocalDate.of(2025, 3, 1),
                Channel.BANK_FILE);
    }

    @Test
    void commandsSentTogetherShareACommitEachAnsweredWithItsOwnEventsAndARefusalUndoesOnlyItself() throws Exception {
        List<String> debts = registered(8);
        long groupsBefore = groups().count();
        List<Callable<Answer>> requests = payingEach(debts);
        String refused = debts.get(0);
        requests.add(() -> node.http.post("/api/v1/debts/" + refused + "/payments",
                payment("sek-" + refused, "25.00", "SEK")));

        List<Answer> answers = allAtOnce(requests);

        for (int i = 0; i < debts.size(); i++) {
            Answer answer = answers.get(i);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            Map<Long, Long> events = stored(debts.get(i));
            long sequence = answer.json().path("sequenceNumber").asLong();
            assertThat(events).as("the answer names the debt's last event, where the payment's landed")
                    .containsEntry(sequence, answer.json().path("position").asLong());
            assertThat(sequence).isEqualTo(events.size() - 1);
        }
        assertThat(answers.get(debts.size()).json().path("rule").asText()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(paymentsOf(refused)).as("the EUR payment alone").isEqualTo(1);
        assertThat(groups().count() - groupsBefore).as("nine commands in fewer commits").isLessThan(9);
        assertThat(groups().max()).as("commands committed together").isGreaterThan(1);
    }

    @Test
    void aGroupsEventsInsertedTogetherAreSeenByEachCommandThatReadsThem() throws Exception {
        List<String> debts = registered(5);
        String paidThrice = debts.get(0);
        List<Callable<Answer>> requests = payingEach(debts.subList(1, 3));
        for (int i = 0; i < 3; i++) {
            requests.add(paying(node, paidThrice, "sent-thrice"));
        }
        // one debtor's outbound calls, on two of their debts: one a day
        for (String debt : debts.subList(3, 5)) {
            requests.add(() -> node.http.post("/api/v1/debts/" + debt + "/contacts", """
                    {"direction": "OUTBOUND", "channel": "PHONE", "outcome": "NO_ANSWER", "date": "2025-03-05"}"""));
        }
        node.bean(AggregateCache.class).removeAll(); // so that the group reads its debts ahead
        long groupsBefore = groups().count();

        List<Answer> answers = allAtOnce(requests);

        assertThat(groups().count() - groupsBefore).as("seven commands in fewer commits").isLessThan(7);
        assertThat(answers.subList(0, 5)).as("every payment answered, the same one thrice")
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        assertThat(paymentsOf(paidThrice)).as("a payment sent thrice in one group, recorded once").isEqualTo(1);
        assertThat(answers.subList(5, 7)).extracting(Answer::status).as("one call a day to the debtor: " + answers)
                .containsExactlyInAnyOrder(200, 422);
    }

    @Test
    void debtsReadAheadAreLoadedAsAxonLoadsThemFromTheirSnapshotsOnAsTheyStoodAtTheFirstLoad() {
        List<String> debts = registered(2);
        String debt = debts.get(0);
        for (int i = 1; i <= 6; i++) {
            assertThat(node.http.post("/api/v1/debts/" + debt + "/payments", payment("s-" + i, "1.00", "EUR"))
                    .status()).isEqualTo(200);
        }
        EventStore eventStore = node.bean(EventStore.class);
        GroupedStorageEngine storage = node.bean(GroupedStorageEngine.class);
        List<Long> asAxonLoadsIt = sequences(eventStore.readEvents(debt));
        assertThat(asAxonLoadsIt.get(0)).as("loaded from a snapshot").isGreaterThan(0);

        List<Long> readAhead = new TransactionTemplate(node.bean(PlatformTransactionManager.class)).execute(status -> {
            storage.readAhead(debts);
            try {
                eventStore.readEvents(debts.get(1)); // reads both ahead
                assertThat(node.http.post("/api/v1/debts/" + debt + "/payments", payment("s-7", "1.00", "EUR"))
                        .status()).as("committed meanwhile, by another thread").isEqualTo(200);
                return sequences(eventStore.readEvents(debt));
            } finally {
                storage.release();
            }
        });

        assertThat(readAhead).isEqualTo(asAxonLoadsIt);
        assertThat(sequences(eventStore.readEvents(debt))).as("once released, read from the store")
                .endsWith(stored(debt).size() - 1L);
    }

    @Test
    void aDebtTheGroupAppendedToIsReadFromTheTableNotFromWhatWasReadAhead() {
        String debt = "appended-" + UUID.randomUUID();
        EventStore eventStore = node.bean(EventStore.class);
        GroupedStorageEngine storage = node.bean(GroupedStorageEngine.class);

        List<Long> loaded = new TransactionTemplate(node.bean(PlatformTransactionManager.class)).execute(status -> {
            status.setRollbackOnly();
            String other = "other-" + UUID.randomUUID();
            storage.readAhead(List.of(debt, other));
            storage.hold();
            try {
                eventStore.readEvents(other); // reads both ahead, and nothing is stored for the debt yet
                eventStore.publish(new GenericDomainEventMessage<>("Debt", debt, 0, "its first event"));
                storage.flush();
                return sequences(eventStore.readEvents(debt));
            } finally {
                storage.release();
            }
        });

        assertThat(loaded).containsExactly(0L);
    }

    private static List<Long> sequences(DomainEventStream events) {
        return events.asStream().map(DomainEventMessage::getSequenceNumber).toList();
    }

    @Test
    void aConflictInAGroupHasItsCommandsCommittedOneByOneAndOnlyTheConflictRefused() throws Exception {
        List<String> debts = registered(6);
        List<Callable<Answer>> requests = payingEach(debts);
        String taken = debts.get(1);
        requests.add(() -> node.http.post("/api/v1/debts", registration(taken, "999.00")));
        double paymentsAcceptedBefore = counted("type", "RecordPayment", "outcome", "accepted");

        List<Answer> answers = allAtOnce(requests);

        for (int i = 0; i < debts.size(); i++) {
            assertThat(answers.get(i).status()).as(answers.get(i).toString()).isEqualTo(200);
            assertThat(paymentsOf(debts.get(i))).isEqualTo(1);
        }
        assertThat(answers.get(debts.size()).status()).as("a second registration of a debt id").isEqualTo(409);
        assertThat(counted("type", "RecordPayment", "outcome", "accepted") - paymentsAcceptedBefore)
                .as("each payment counted once, though its group was decided again").isEqualTo(debts.size());
        assertThat(SQL.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = :debt"
                        + " AND sequencenumber = 0").param("debt", taken).query(byte[].class).single())
                .asString().contains("\"500.00\"").doesNotContain("999.00");
    }

    @Test
    void aGroupWhoseCommitFailsHasItsCommandsCommittedOneByOneAndOnlyTheFailingOneFails() throws Exception {
        List<String> debts = registered(6);
        List<Callable<Answer>> requests = payingEach(debts);
        String poisoned = "refused-at-commit-" + UUID.randomUUID();
        requests.add(() -> node.http.post("/api/v1/debts", registration(poisoned, "100.00")));

        List<Answer> answers = allAtOnce(requests);

        assertThat(answers.get(debts.size()).status()).isEqualTo(500);
        assertThat(stored(poisoned)).isEmpty();
        for (int i = 0; i < debts.size(); i++) {
            assertThat(answers.get(i).status()).as(answers.get(i).toString()).isEqualTo(200);
            assertThat(paymentsOf(debts.get(i))).as("acknowledged, so stored").isEqualTo(1);
        }
    }

    @Test
    void aDebtAnotherProcessChangedIsReadAgainBeforeItIsDecided() {
        String debt = registered(1).get(0);
        assertThat(node.http.post("/api/v1/debts/" + debt + "/payments", payment("here-1", "10.00", "EUR")).status())
                .as("the debt is now in this process's cache").isEqualTo(200);
        try (LedgerNode other = LedgerNode.start(DATABASE)) {
            Answer there = other.http.post("/api/v1/debts/" + debt + "/payments", payment("there", "10.00", "EUR"));
            assertThat(there.status()).as(there.toString()).isEqualTo(200);
        }
        double conflictsBefore = counted("outcome", "conflict");

        Answer here = node.http.post("/api/v1/debts/" + debt + "/payments", payment("here-2", "10.00", "EUR"));

        assertThat(here.status()).as(here.toString()).isEqualTo(200);
        assertThat(here.json().path("sequenceNumber").asLong()).isEqualTo(stored(debt).size() - 1);
        assertThat(counted("outcome", "conflict")).as("decided on the debt as stored, not as cached: nothing to retry")
                .isEqualTo(conflictsBefore);
        assertThat(paymentsOf(debt)).isEqualTo(3);
    }

    /** The commands the metrics counted with these tags, key and value in turn (outcome, type). */
    private static double counted(String... tags) {
        return node.bean(MeterRegistry.class).find("ledger.commands").tags(tags).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
