package org.debtledger.command.config;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.debtledger.command.LedgerHttp.Answer;
import org.debtledger.command.LedgerNode;
import org.debtledger.command.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.debtledger.command.CommandSideTest.registration;

/**
 * Commands sent at once, through one lane with a window wide enough to gather them, share a commit: each answer
 * names its own events, a refusal or a conflict undoes only itself, and a group whose commit fails acknowledges
 * none of its commands and stores none of them.
 */
class GroupCommitTest {

    private static final String DATABASE = "group_commit";
    private static final JdbcClient SQL =
            JdbcClient.create(new DriverManagerDataSource(TestDatabase.jdbcUrl(DATABASE), "postgres", ""));
    private static LedgerNode node;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(DATABASE, "ledger.group-commit.lanes=1", "ledger.group-commit.window=300ms");
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

    @Test
    void commandsSentTogetherShareACommitAndARefusalOrAConflictUndoesOnlyItself() throws Exception {
        List<String> debts = registered(8);
        long groupsBefore = groups().count();
        List<Callable<Answer>> requests = new ArrayList<>();
        for (String debt : debts) {
            requests.add(() -> node.http.post("/api/v1/debts/" + debt + "/payments",
                    payment("p-" + debt, "25.00", "EUR")));
        }
        String refused = debts.get(0);
        requests.add(() -> node.http.post("/api/v1/debts/" + refused + "/payments",
                payment("sek-" + refused, "25.00", "SEK")));
        String taken = debts.get(1);
        requests.add(() -> node.http.post("/api/v1/debts", registration(taken, "999.00")));

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
        assertThat(answers.get(debts.size() + 1).status()).as("a second registration of a debt id").isEqualTo(409);
        assertThat(SQL.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :debt"
                        + " AND payloadtype = 'org.debtledger.payment.PaymentReceived'").param("debt", refused)
                .query(Long.class).single()).as("the EUR payment alone").isEqualTo(1);
        assertThat(SQL.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = :debt"
                        + " AND sequencenumber = 0").param("debt", taken).query(byte[].class).single())
                .asString().contains("\"500.00\"").doesNotContain("999.00");
        assertThat(groups().count() - groupsBefore).as("ten commands in fewer commits").isLessThan(10);
        assertThat(groups().max()).as("commands committed together").isGreaterThan(1);
    }

    @Test
    void aGroupWhoseCommitFailsAcknowledgesNoneOfItsCommandsAndStoresNone() throws Exception {
        List<String> debts = registered(6);
        List<Callable<Answer>> requests = new ArrayList<>();
        for (String debt : debts) {
            requests.add(() -> node.http.post("/api/v1/debts/" + debt + "/payments",
                    payment("p-" + debt, "25.00", "EUR")));
        }
        String poisoned = "refused-at-commit-" + UUID.randomUUID();
        requests.add(() -> node.http.post("/api/v1/debts", registration(poisoned, "100.00")));

        List<Answer> answers = allAtOnce(requests);

        assertThat(answers.get(debts.size()).status()).isGreaterThanOrEqualTo(500);
        assertThat(stored(poisoned)).isEmpty();
        int failedWithIt = 0;
        for (int i = 0; i < debts.size(); i++) {
            Answer answer = answers.get(i);
            long payments = SQL.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :debt"
                            + " AND payloadtype = 'org.debtledger.payment.PaymentReceived'").param("debt", debts.get(i))
                    .query(Long.class).single();
            if (answer.status() == 200) {
                assertThat(payments).as("an acknowledged payment is stored").isEqualTo(1);
            } else {
                assertThat(answer.status()).as(answer.toString()).isGreaterThanOrEqualTo(500);
                assertThat(payments).as("a payment not acknowledged is not stored").isZero();
                failedWithIt++;
            }
        }
        assertThat(failedWithIt).as("payments that shared the failed commit").isPositive();

        // the lane goes on: the same payments, sent again, are applied
        for (String debt : debts) {
            Answer again = node.http.post("/api/v1/debts/" + debt + "/payments", payment("p-" + debt, "25.00", "EUR"));
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
        }
    }
}
