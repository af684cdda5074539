package org.debtledger.standalone;

import org.debtledger.standalone.consumer.CreditorTotalsConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The example consumer, killed without warning mid-stream and started again, ends with the ledger's totals. */
class StreamConsumerTest {

    @TempDir
    Path directory;

    private Process consumer(StandaloneLedger ledger, Path state) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CreditorTotalsConsumer.class.getName(), "http://127.0.0.1:" + ledger.port(), state.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("consumer.log").toFile());
        builder.environment().put("LEDGER_USER", "integration");
        builder.environment().put("LEDGER_PASSWORD", StandaloneLedger.PASSWORDS.get("integration"));
        return builder.start();
    }

    private static void payments(StandaloneLedger ledger, int debts, List<String> creditors) {
        for (int i = 0; i < debts; i++) {
            String debt = "debt-" + UUID.randomUUID();
            String creditor = creditors.get(i % creditors.size());
            assertThat(ledger.post("/api/v1/debts", """
                    {"debtId": "%s", "creditorId": "%s", "debtorId": "d-%d", "invoiceReference": "INV-%d",
                     "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"}, "description": "Broadband",
                     "principal": {"amount": "500.00", "currency": "EUR"}, "dueDate": "2025-02-15",
                     "debtType": "CONSUMER", "jurisdiction": "FI", "date": "2025-03-01"}"""
                    .formatted(debt, creditor, i, i)).status()).isEqualTo(201);
            for (int p = 0; p < 3; p++) {
                ledger.post("/api/v1/debts/" + debt + "/payments", "{\"paymentId\": \"RF-" + p + "\", \"amount\": "
                        + "{\"amount\": \"" + (10 + i) + "." + (10 + p) + "\", \"currency\": \"EUR\"}, "
                        + "\"valueDate\": \"2025-03-10\", \"channel\": \"BANK_FILE\"}");
            }
            if (i % 4 == 0) {
                ledger.post("/api/v1/debts/" + debt + "/payments/RF-1/reversal", "{\"reason\": \"returned\"}");
            }
        }
    }

    private static Map<String, BigDecimal> ledgerTotals(StandaloneLedger ledger) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        ledger.database.sql("""
                        SELECT r.payload->'creditorId' #>> '{}' AS creditor,
                               sum(CASE WHEN e.event_type LIKE '%Reversed' THEN -1 ELSE 1 END
                                   * (e.payload->'amount'->>'amount')::numeric) AS total
                        FROM event_log e JOIN event_log r ON r.debt_id = e.debt_id AND r.sequence_number = 0
                        WHERE e.event_type IN ('org.debtledger.payment.PaymentReceived',
                                               'org.debtledger.payment.PaymentReversed')
                        GROUP BY 1""")
                .query((row, n) -> totals.put(row.getString(1), row.getBigDecimal(2))).list();
        return totals;
    }

    @Test
    void aConsumerKilledMidStreamAndRestartedLosesAndDuplicatesNothing() throws Exception {
        List<String> creditors = List.of("acme-telecom", "acme-energy", "acme-water");
        Path state = directory.resolve("state.json");
        try (StandaloneLedger ledger = StandaloneLedger.start(directory.resolve("db"))) {
            Process first = consumer(ledger, state);
            payments(ledger, 12, creditors);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> Files.exists(state));
            first.destroyForcibly();
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long killedAt = CreditorTotalsConsumer.load(state).position();

            payments(ledger, 12, creditors);
            Process second = consumer(ledger, state);
            long head = ledger.database.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
            await().atMost(Duration.ofSeconds(60)).until(() -> CreditorTotalsConsumer.load(state).position() >= head);
            Files.createFile(Path.of(state + ".stop"));
            assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();

            Map<String, BigDecimal> consumed = new TreeMap<>(CreditorTotalsConsumer.load(state).totals());
            assertThat(killedAt).isLessThan(head);
            assertThat(consumed.keySet()).containsExactlyInAnyOrderElementsOf(creditors);
            Map<String, BigDecimal> expected = ledgerTotals(ledger);
            for (String creditor : creditors) {
                assertThat(consumed.get(creditor)).as(creditor).isEqualByComparingTo(expected.get(creditor));
            }
        }
    }
}
