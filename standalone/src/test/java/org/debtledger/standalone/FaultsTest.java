package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults the ledger must survive without losing or inventing a cent: many clients on one debt, the database
 * stopping under load, processes killed with {@code kill -9}, two command and two query processes sharing the
 * work. Every acknowledged command is in the event store exactly once, and the read models reconcile with it.
 * Each phase of a scenario's load lasts until {@code -Dfaults.commands} (default 30) more commands were acknowledged
 * in it, or refused while the database is down.
 */
class FaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PHASE = Integer.getInteger("faults.commands", 30);

    @TempDir
    Path directory;

    private static String registration(String debtId, String principal) {
        return Endpoints.REGISTRATION.replace("{newDebtId}", debtId).replace("{debtorId}", "d-faults")
                .replace("\"100.00\"", "\"" + principal + "\"");
    }

    private static String payment(String paymentId, String amount) {
        return """
                {"paymentId": "%s", "amount": {"amount": "%s", "currency": "EUR"}, "valueDate": "2025-03-20",
                 "channel": "BANK_FILE"}""".formatted(paymentId, amount);
    }

    /** The payment ids stored for a debt, each as often as it is stored. */
    private static List<String> storedPayments(org.springframework.jdbc.core.simple.JdbcClient database, String debtId) {
        return database.sql("SELECT payload->>'paymentId' FROM event_log WHERE debt_id = :debt"
                        + " AND event_type = 'org.debtledger.payment.PaymentReceived'")
                .param("debt", debtId).query(String.class).list();
    }

    @Test
    void manyClientsPayingAndChargingOneDebtAtOnce() throws Exception {
        try (StandaloneLedger ledger = StandaloneLedger.start(directory)) {
            String debt = "debt-" + UUID.randomUUID();
            assertThat(ledger.post("/api/v1/debts", registration(debt, "5000.00")).status()).isEqualTo(201);
            Map<String, BigDecimal> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger reminders = new AtomicInteger();
            List<Integer> refusals = Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                int c = client;
                done.add(clients.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        if (i % 5 == 0) { // a reminder: the law allows one per 14 days, so one of these is charged
                            int status = ledger.post("/api/v1/debts/" + debt + "/fees",
                                    "{\"type\": \"REMINDER\", \"date\": \"2025-03-20\"}").status();
                            if (status == 200) {
                                reminders.incrementAndGet();
                            } else {
                                refusals.add(status);
                            }
                            continue;
                        }
                        String id = "RF-" + c + "-" + i;
                        String amount = (1 + c) + "." + (10 + i);
                        int status = ledger.post("/api/v1/debts/" + debt + "/payments", payment(id, amount)).status();
                        if (status == 200) {
                            acknowledged.put(id, new BigDecimal(amount));
                        } else {
                            refusals.add(status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get(120, TimeUnit.SECONDS);
            }
            clients.shutdown();

            assertThat(refusals).as("only conflicts and rule refusals, never a failure").allMatch(s -> s == 409 || s == 422);
            assertThat(reminders.get()).isEqualTo(1);
            assertThat(storedPayments(ledger.database, debt)).as("every acknowledged payment stored exactly once")
                    .containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
            assertThat(ledger.database.sql("SELECT count(*) FROM event_log WHERE debt_id = :debt"
                    + " AND event_type = 'org.debtledger.fee.FeeCharged'").param("debt", debt).query(Long.class).single())
                    .isEqualTo(1);

            JsonNode reconciled = ledger.post("/api/v1/admin/reconciliation", null).json();
            assertThat(reconciled.path("consistent").asBoolean()).as(reconciled.toString()).isTrue();
            JsonNode view = ledger.get("/api/v1/debts/" + debt).json();
            assertThat(new BigDecimal(view.path("paid").path("amount").asText()))
                    .isEqualTo(acknowledged.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    @Test
    void theDatabaseStopsUnderLoadCommandsFailFastWith503AndBothSidesRecoverByThemselves() throws Exception {
        Path data = directory.resolve("postgres");
        int port = Loopback.freePort();
        EmbeddedPostgres postgres = postgres(data, port);
        try (StandaloneLedger ledger = StandaloneLedger.start(directory.resolve("unused"),
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.password=")) {
            String debt = "debt-" + UUID.randomUUID();
            assertThat(ledger.post("/api/v1/debts", registration(debt, "5000.00")).status()).isEqualTo(201);

            List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
            List<Long> unavailableMillis = Collections.synchronizedList(new ArrayList<>());
            List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sent = new AtomicInteger();
            Thread load = new Thread(() -> {
                while (running.get()) {
                    String id = "RF-" + sent.incrementAndGet();
                    long start = System.nanoTime();
                    StandaloneLedger.Answer answer = ledger.post("/api/v1/debts/" + debt + "/payments", payment(id, "1.00"));
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    if (answer.status() == 200) {
                        acknowledged.add(id);
                    } else if (answer.status() == 503
                            && answer.json().path("type").asText().endsWith("database-unavailable")) {
                        unavailableMillis.add(millis);
                    } else {
                        unexpected.add(answer.toString());
                    }
                }
            });
            load.start();
            awaitMore(acknowledged::size, PHASE); // load runs against a healthy database
            postgres.close();
            awaitMore(unavailableMillis::size, Math.max(3, PHASE / 10)); // and against none (each refusal takes ~2 s)
            postgres = postgres(data, port);
            awaitMore(acknowledged::size, PHASE); // and again against a healthy one
            running.set(false);
            load.join(60_000);

            assertThat(unexpected).isEmpty();
            assertThat(unavailableMillis).as("commands refused while the database was down").isNotEmpty()
                    .allMatch(millis -> millis < 5_000);
            List<String> stored = storedPayments(ledger.database, debt);
            assertThat(stored).doesNotHaveDuplicates().containsAll(acknowledged);

            // the query side recovers by itself: its view catches up and reconciles with the store
            JsonNode reconciled = ledger.post("/api/v1/admin/reconciliation", null).json();
            assertThat(reconciled.path("consistent").asBoolean()).as(reconciled.toString()).isTrue();
            assertThat(ledger.get("/api/v1/debts/" + debt).json().path("paid").path("amount").asText())
                    .isEqualTo(stored.size() + ".00");
        } finally {
            postgres.close();
        }
    }

    /** Waits, within a bound, until {@code count} has grown by {@code more}. */
    private static void awaitMore(java.util.function.IntSupplier count, int more) {
        int from = count.getAsInt();
        await().atMost(Duration.ofMinutes(2)).until(() -> count.getAsInt() >= from + more);
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    /** The token owner name of a query process: Axon's, pid@host. */
    private static String ownerOf(org.springframework.jdbc.core.simple.JdbcClient database, LedgerProcesses.Side side) {
        return side.pid() + "@" + database.sql("SELECT split_part(owner, '@', 2) FROM tokenentry WHERE owner IS NOT NULL"
                + " LIMIT 1").query(String.class).single();
    }

    @Test
    void twoCommandAndTwoQueryProcessesShareTheWorkAndKillingOneWithKill9LosesNothing() throws Exception {
        // the processes' logs stay in target/ for a look after a failure
        Path logs = java.nio.file.Files.createDirectories(Path.of("target", "fault-logs", UUID.randomUUID().toString()));
        try (LedgerProcesses ledger = new LedgerProcesses(logs)) {
            LedgerProcesses.Side commandA = ledger.commandSide("command-a").start();
            LedgerProcesses.Side commandB = ledger.commandSide("command-b").start();
            LedgerProcesses.Side queryA = ledger.querySide("query-a").start();
            LedgerProcesses.Side queryB = ledger.querySide("query-b").start();
            List<LedgerProcesses.Side> commandSides = List.of(commandA, commandB);

            List<String> debts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String debt = "debt-" + UUID.randomUUID();
                commandSides.get(i % 2).json("POST", "/api/v1/debts", registration(debt, "5000.00"), "ADVISOR");
                debts.add(debt);
            }
            Map<String, String> acknowledged = new ConcurrentHashMap<>(); // payment id -> debt
            // four clients, each paying every 50 ms: a steady load that leaves a restarted process the cores to
            // start on
            ScheduledExecutorService clients = Executors.newScheduledThreadPool(4);
            List<Future<?>> working = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                int c = client;
                AtomicInteger sent = new AtomicInteger();
                working.add(clients.scheduleWithFixedDelay(() -> {
                    int i = sent.getAndIncrement();
                    String debt = debts.get((c + i) % debts.size());
                    String id = "RF-" + c + "-" + i;
                    HttpResponse<String> answer = commandSides.get(i % 2).send("POST",
                            "/api/v1/debts/" + debt + "/payments", payment(id, "1.00"), "advisor-" + c, "ADVISOR");
                    if (answer != null && answer.statusCode() == 200) {
                        acknowledged.put(id, debt);
                    }
                }, 0, 50, TimeUnit.MILLISECONDS));
            }
            awaitMore(acknowledged::size, PHASE);
            org.springframework.jdbc.core.simple.JdbcClient database = org.springframework.jdbc.core.simple.JdbcClient
                    .create(ledger.postgres.getPostgresDatabase());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(database.sql(
                            "SELECT count(DISTINCT owner) FROM tokenentry WHERE owner IS NOT NULL").query(Long.class).single())
                    .as("both query processes hold segments").isEqualTo(2L));

            // a command process dies: the other takes all the commands, and the killed one comes back
            commandA.kill();
            int beforeCommandRestart = acknowledged.size();
            awaitMore(acknowledged::size, PHASE);
            assertThat(acknowledged.size()).as("the other command process goes on").isGreaterThan(beforeCommandRestart);
            commandA.start();

            // a query process dies: the other takes all its segments once the dead one's claims time out
            queryA.kill();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(database.sql(
                            "SELECT count(*) FROM tokenentry WHERE owner IS NOT NULL AND owner <> :b")
                    .param("b", ownerOf(database, queryB)).query(Long.class).single())
                    .as("segments held by anyone but B").isZero());
            queryA.start();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(database.sql(
                            "SELECT count(DISTINCT owner) FROM tokenentry WHERE owner IS NOT NULL").query(Long.class).single())
                    .as("the restarted query process takes its share again").isEqualTo(2L));
            for (Future<?> client : working) {
                if (client.isDone()) {
                    client.get(); // a schedule ends only by a failure, which this throws: it fails the test
                }
            }
            clients.shutdown(); // ends the clients' schedules
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            for (String debt : debts) {
                List<String> stored = storedPayments(database, debt);
                assertThat(stored).as("acknowledged payments of " + debt + " stored exactly once")
                        .doesNotHaveDuplicates()
                        .containsAll(acknowledged.entrySet().stream().filter(e -> e.getValue().equals(debt))
                                .map(Map.Entry::getKey).toList());
            }
            for (LedgerProcesses.Side query : List.of(queryA, queryB)) {
                JsonNode reconciled = query.awaitJson("POST", "/api/v1/admin/reconciliation", null, "OPERATOR");
                assertThat(reconciled.path("consistent").asBoolean()).as(query.name + ": " + reconciled).isTrue();
                assertThat(reconciled.path("debtsChecked").asInt()).isEqualTo(debts.size());
            }
        }
    }
}
