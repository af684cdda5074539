package org.debtledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM to the standalone jar under load: it stops taking requests, finishes those it took, stops its event
 * processors, and only then stops its embedded PostgreSQL; it exits within its grace, logs no error, and every
 * payment it acknowledged is there after a restart on the same data.
 */
class GracefulShutdownIT {

    /** The longest a SIGTERM may take: within spring.lifecycle.timeout-per-shutdown-phase and the database's stop. */
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s.*");
    private static final Pattern STACK_TRACE = Pattern.compile("^(\\s+at \\S+\\(.*\\)|Caused by: .*|[\\w.$]+(Exception|Error)(: .*)?)$");
    private static final Pattern DATABASE_COMPLAINT = Pattern.compile(".*\\b(ERROR|FATAL|PANIC):.*");
    private static final int CLIENTS = 6;

    @TempDir
    Path workingDirectory;

    private static String payment(String id) {
        return """
                {"paymentId": "%s", "amount": {"amount": "1.00", "currency": "EUR"}, "valueDate": "2025-03-20",
                 "channel": "BANK_FILE"}""".formatted(id);
    }

    @Test
    void sigtermUnderLoadDrainsRequestsThenStopsProcessorsThenTheDatabaseAndLosesNothing() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String debt = "debt-" + UUID.randomUUID();
        Duration shutdown;
        try (LedgerJar ledger = new LedgerJar(workingDirectory).start()) {
            HttpResponse<String> registered = ledger.post("/api/v1/debts", Endpoints.REGISTRATION
                    .replace("{newDebtId}", debt).replace("{debtorId}", "d-shutdown").replace("\"100.00\"", "\"100000.00\""));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

            // a downstream system following a live stream, as one always is: it must not hold the shutdown up
            HttpResponse<InputStream> stream = ledger.follow("/api/v1/advisor-queue/stream?after=0");
            assertThat(stream.statusCode()).isEqualTo(200);

            Process process = ledger.process();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> working = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int c = client;
                working.add(clients.submit(() -> {
                    for (int i = 0; process.isAlive(); i++) {
                        String id = "RF-" + c + "-" + i;
                        HttpResponse<String> answer = ledger.post("/api/v1/debts/" + debt + "/payments", payment(id));
                        if (answer == null) {
                            return; // the ledger no longer takes requests
                        }
                        if (answer.statusCode() == 200) {
                            acknowledged.add(id);
                        }
                    }
                }));
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 100);

            long start = System.nanoTime();
            process.destroy(); // SIGTERM
            boolean exited = process.waitFor(GRACE.toSeconds() + 30, TimeUnit.SECONDS);
            shutdown = Duration.ofNanos(System.nanoTime() - start);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<?> client : working) {
                client.get();
            }
            assertThat(exited).as("the ledger exits after SIGTERM").isTrue();
            System.out.println("SIGTERM to exit: " + shutdown.toMillis() + " ms, " + acknowledged.size()
                    + " payments acknowledged");
            assertThat(shutdown).as("SIGTERM to exit").isLessThan(GRACE);
            assertThat(ledger.postmaster()).as("the database stopped with the ledger").isEmpty();

            List<String> log = ledger.logLines();
            assertThat(log.stream().filter(line -> ERROR_LINE.matcher(line).matches()
                    || STACK_TRACE.matcher(line).matches() || DATABASE_COMPLAINT.matcher(line).matches()))
                    .as("errors and stack traces in " + ledger.log()).isEmpty();
            int drained = lastIndexOf(log, "Graceful shutdown complete");
            int processorsStopping = lastIndexOf(log, "Stopping PooledStreamingEventProcessor");
            int poolClosed = lastIndexOf(log, "ledger - Shutdown completed");
            int databaseStopped = lastIndexOf(log, "embedded PostgreSQL stopped");
            assertThat(drained).as("requests drained, the live stream's too; see " + ledger.log()).isPositive();
            assertThat(processorsStopping).as("the processors stop after the requests were drained").isGreaterThan(drained);
            // the pool closes when every lifecycle phase, the processors' included, has ended
            assertThat(poolClosed).as("the pool closed once the processors stopped").isGreaterThan(processorsStopping);
            assertThat(databaseStopped).as("the database stopped last").isGreaterThan(poolClosed);
            stream.body().close();

            ledger.start();
            String password = Files.readString(ledger.workingDirectory.resolve("data/postgres-password")).trim();
            JdbcClient database = JdbcClient.create(new DriverManagerDataSource(
                    "jdbc:postgresql://127.0.0.1:" + ledger.databasePort + "/postgres", "postgres", password));
            List<String> stored = database.sql("SELECT payload->>'paymentId' FROM event_log WHERE debt_id = :debt"
                    + " AND event_type = 'org.debtledger.payment.PaymentReceived'").param("debt", debt)
                    .query(String.class).list();
            assertThat(stored).as("every acknowledged payment stored once").doesNotHaveDuplicates()
                    .containsAll(acknowledged);
        }
    }

    private static int lastIndexOf(List<String> log, String text) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
