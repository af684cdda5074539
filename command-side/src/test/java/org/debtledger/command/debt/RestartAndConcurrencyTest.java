package org.debtledger.command.debt;

import org.debtledger.command.LedgerHttp;
import org.debtledger.command.LedgerHttp.Answer;
import org.debtledger.command.LedgerNode;
import org.debtledger.command.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.debtledger.command.CommandSideTest.registration;

/** Whole command-side processes against one PostgreSQL: state survives a restart, and two nodes never lose a payment. */
class RestartAndConcurrencyTest {

    private static final String DATABASE = "nodes";

    private static String payment(String paymentId, String amount) {
        return "{\"paymentId\": \"" + paymentId + "\", \"amount\": {\"amount\": \"" + amount + "\", \"currency\": \"EUR\"},"
                + " \"valueDate\": \"2025-03-01\", \"channel\": \"BANK_FILE\"}";
    }

    private static JdbcClient database() {
        return JdbcClient.create(new DriverManagerDataSource(TestDatabase.jdbcUrl(DATABASE), "postgres", ""));
    }

    @Test
    void aRestartedLedgerKnowsEverythingItWasToldBefore() {
        String debt = "debt-" + UUID.randomUUID();
        Answer firstPayment;
        try (LedgerNode node = LedgerNode.start(DATABASE, "ledger.snapshot-threshold=3")) {
            assertThat(node.http.post("/api/v1/debts", registration(debt, "500.00")).status()).isEqualTo(201);
            node.http.post("/api/v1/debts/" + debt + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}");
            node.http.post("/api/v1/debts/" + debt + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-19\"}");
            firstPayment = node.http.post("/api/v1/debts/" + debt + "/payments", payment("RF18-1", "10.00"));
            assertThat(firstPayment.status()).as(firstPayment.toString()).isEqualTo(200);
        }
        try (LedgerNode node = LedgerNode.start(DATABASE, "ledger.snapshot-threshold=3")) {
            Answer repeated = node.http.post("/api/v1/debts/" + debt + "/payments", payment("RF18-1", "10.00"));
            Answer thirdDemand = node.http.post("/api/v1/debts/" + debt + "/fees",
                    "{\"type\": \"DEMAND\", \"date\": \"2025-04-19\"}");

            assertThat(repeated.json()).isEqualTo(firstPayment.json());
            assertThat(thirdDemand.json().path("rule").asText()).isEqualTo("DEMAND_LIMIT_REACHED");
        }
        long snapshots = database().sql("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = :id")
                .param("id", debt).query(Long.class).single();
        assertThat(snapshots).as("the debt was loaded from a snapshot after the restart").isPositive();
    }

    @Test
    void concurrentPaymentsOnOneDebtThroughTwoNodesAreEachRecordedExactlyOnce() throws Exception {
        String debt = "debt-" + UUID.randomUUID();
        int clients = 8;
        int paymentsPerClient = 5;
        try (LedgerNode first = LedgerNode.start(DATABASE, "ledger.command-retries=10");
             LedgerNode second = LedgerNode.start(DATABASE, "ledger.command-retries=10")) {
            assertThat(first.http.post("/api/v1/debts", registration(debt, "100000.00")).status()).isEqualTo(201);
            // The first payment posts the interest due; the rest race each other on principal alone.
            assertThat(first.http.post("/api/v1/debts/" + debt + "/payments", payment("warm-up", "1.00")).status())
                    .isEqualTo(200);

            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<List<String>>> acknowledged = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                LedgerHttp http = c % 2 == 0 ? first.http : second.http;
                int client = c;
                acknowledged.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int p = 0; p < paymentsPerClient; p++) {
                        String id = "c" + client + "-p" + p;
                        Answer answer = http.post("/api/v1/debts/" + debt + "/payments", payment(id, "10.00"));
                        assertThat(answer.status()).as(answer.toString()).isIn(200, 409);
                        if (answer.status() == 200) {
                            ids.add(id);
                        }
                    }
                    return ids;
                }));
            }
            List<String> acknowledgedIds = new ArrayList<>();
            for (Future<List<String>> future : acknowledged) {
                acknowledgedIds.addAll(future.get(2, TimeUnit.MINUTES));
            }
            pool.shutdown();

            List<String> recorded = database().sql("""
                            SELECT payload->'paymentId' #>> '{}' FROM event_log
                            WHERE debt_id = :id AND event_type = 'org.debtledger.payment.PaymentReceived'
                              AND payload->>'paymentId' <> 'warm-up'""")
                    .param("id", debt).query(String.class).list();
            assertThat(recorded).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acknowledgedIds);
            assertThat(acknowledgedIds).as("retries on conflict let most payments through").hasSizeGreaterThan(clients);

            // Each acknowledged payment paid exactly its 10.00 into the balance (interest first, then principal).
            String allocated = database().sql("""
                            SELECT sum((payload->'allocation'->'interest'->>'amount')::numeric
                                     + (payload->'allocation'->'principal'->>'amount')::numeric)::text FROM event_log
                            WHERE debt_id = :id AND event_type = 'org.debtledger.payment.PaymentReceived'
                              AND payload->>'paymentId' <> 'warm-up'""")
                    .param("id", debt).query(String.class).single();
            assertThat(allocated).isEqualTo(acknowledgedIds.size() * 10 + ".00");
        }
    }
}
