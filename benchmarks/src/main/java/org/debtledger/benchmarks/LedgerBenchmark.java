package org.debtledger.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.debtledger.command.CommandSideApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.debtledger.audit.Channel;
import org.debtledger.command.debt.Debt;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.debt.RegisterDebt;
import org.debtledger.money.Money;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.RecordPayment;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Measures the ledger next to the limit the same PostgreSQL reaches on the same machine in the same run, on a fresh
 * embedded PostgreSQL with fsync and synchronous commit on.
 * <ul>
 *   <li><b>ceiling</b>: single-row INSERT transactions of an event-sized row into an event-shaped table;</li>
 *   <li><b>commands</b>: ledger commands over HTTP (a mix of registering, fees, plans and payments), each a
 *   durable transaction, and their ratio to the ceiling at the same concurrency; with p50, p99 and max latency.</li>
 * </ul>
 * Usage: {@code LedgerBenchmark <seconds per measurement> <results.json>}.
 */
public final class LedgerBenchmark {

    private static final String ADVISOR_PASSWORD = java.util.UUID.randomUUID().toString();
    private static final String ADVISOR_CREDENTIALS = "Basic " + java.util.Base64.getEncoder().encodeToString(
            ("advisor:" + ADVISOR_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private static final int[] CONCURRENCY = {1, 4, 16};
    private static final byte[] EVENT_SIZED = new byte[600];

    private LedgerBenchmark() {
    }

    /** One measurement: operations done, how long it took, and latencies in microseconds. */
    record Figure(String name, int concurrency, long operations, double seconds, long p50Micros, long p99Micros,
                  long maxMicros) {

        double perSecond() {
            return operations / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> results = run(Duration.ofSeconds(Long.parseLong(args[0])));
        Path file = Path.of(args[1]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(results));
    }

    public static Map<String, Object> run(Duration each) throws Exception {
        Path data = Files.createTempDirectory("ledger-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start()) {
            List<Figure> ceiling = new ArrayList<>();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE ceiling");
            }
            DataSource database = postgres.getDatabase("postgres", "ceiling");
            createCeilingTable(database);
            for (int clients : CONCURRENCY) {
                ceiling.add(measure("ceiling", clients, each, client -> {
                    try {
                        Connection connection = database.getConnection();
                        PreparedStatement insert = connection.prepareStatement("""
                                INSERT INTO ceiling_event (aggregate_identifier, sequence_number, event_identifier,
                                    payload, metadata, payload_type, time_stamp) VALUES (?, 0, ?, ?, ?, ?, ?)""");
                        return () -> {
                            String id = UUID.randomUUID().toString();
                            insert.setString(1, id);
                            insert.setString(2, id);
                            insert.setBytes(3, EVENT_SIZED);
                            insert.setBytes(4, EVENT_SIZED);
                            insert.setString(5, "org.debtledger.debt.DebtRegistered");
                            insert.setString(6, Instant.now().toString());
                            insert.executeUpdate();
                        };
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }

            List<Figure> commands = new ArrayList<>();
            List<Map<String, Object>> aggregateLoads;
            try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(CommandSideApplication.class).run(
                    "--server.port=0", "--server.address=127.0.0.1", "--ledger.close-of-business.scheduled=false",
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--spring.datasource.hikari.maximum-pool-size=20", "--logging.level.root=WARN",
                    // an advisor signs in as every client of the ledger must; the password is made for the run
                    "--ledger.security.local-users.enabled=true",
                    "--ledger.security.local-users.store=target/local-users-unused",
                    "--ledger.security.local-users.users[0].name=advisor",
                    "--ledger.security.local-users.users[0].role=ADVISOR",
                    "--ledger.password.advisor=" + ADVISOR_PASSWORD)) {
                int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                for (int clients : CONCURRENCY) {
                    commands.add(measure("commands", clients, each, client -> new CommandMix(http, port)));
                }
                aggregateLoads = aggregateLoads(ledger, postgres.getPostgresDatabase());
            }
            Map<String, Object> results = report(ceiling, commands, each);
            results.put("aggregateLoad", aggregateLoads);
            return results;
        }
    }

    /**
     * How long loading one debt takes once it has N events ({@code -Dbenchmark.aggregate-events}, default 1000 and
     * 10000): as the ledger loads it (the latest snapshot and the events after it), and from its events alone
     * (its snapshots deleted). Each load is timed 20 times after 5 to warm up, in a unit of work that is rolled
     * back, so loading never takes a snapshot itself.
     */
    private static List<Map<String, Object>> aggregateLoads(ConfigurableApplicationContext ledger, DataSource database)
            throws Exception {
        CommandGateway gateway = ledger.getBean(CommandGateway.class);
        @SuppressWarnings("unchecked")
        Repository<Debt> repository = (Repository<Debt>) ledger.getBean("debtRepository");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String size : System.getProperty("benchmark.aggregate-events", "1000,10000").split(",")) {
            int events = Integer.parseInt(size.trim());
            String debtId = "debt-" + UUID.randomUUID();
            gateway.sendAndWait(new RegisterDebt(new DebtId(debtId), new CreditorId("acme-telecom"),
                    new DebtorId("d-1"), "INV-1", new InvoicePeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)),
                    "Broadband", Money.of("1000000.00", "EUR"), LocalDate.of(2025, 2, 15), DebtType.CONSUMER,
                    Jurisdiction.FI, false, LocalDate.of(2025, 3, 1)));
            for (int i = 1; i < events; i++) {
                gateway.sendAndWait(new RecordPayment(new DebtId(debtId), new PaymentId("RF-" + i),
                        Money.of("0.01", "EUR"), LocalDate.of(2025, 3, 1), Channel.BANK_FILE));
            }
            long stored;
            try (Connection connection = database.getConnection();
                 PreparedStatement count = connection.prepareStatement(
                         "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")) {
                count.setString(1, debtId);
                var rowsCounted = count.executeQuery();
                rowsCounted.next();
                stored = rowsCounted.getLong(1);
            }
            double withSnapshots = medianLoadMillis(repository, debtId);
            try (Connection connection = database.getConnection();
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM snapshotevententry WHERE aggregateidentifier = ?")) {
                delete.setString(1, debtId);
                delete.executeUpdate();
            }
            double fromEvents = medianLoadMillis(repository, debtId);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("events", stored);
            row.put("withSnapshotsMillis", withSnapshots);
            row.put("eventsOnlyMillis", fromEvents);
            rows.add(row);
            org.slf4j.LoggerFactory.getLogger(LedgerBenchmark.class).warn(String.format(
                    "%naggregate load: %d events, %.2f ms with snapshots, %.2f ms from events alone", stored,
                    withSnapshots, fromEvents));
        }
        return rows;
    }

    private static double medianLoadMillis(Repository<Debt> repository, String debtId) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            long begin = System.nanoTime();
            repository.load(debtId);
            long took = (System.nanoTime() - begin) / 1000;
            unitOfWork.rollback();
            if (i >= 5) {
                micros.add(took);
            }
        }
        micros.sort(Long::compare);
        return percentile(micros, 50) / 1000.0;
    }

    private static void createCeilingTable(DataSource database) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE ceiling_event (
                        global_index BIGINT GENERATED BY DEFAULT AS IDENTITY (CACHE 1) PRIMARY KEY,
                        aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,
                        event_identifier VARCHAR(255) NOT NULL UNIQUE, payload BYTEA NOT NULL, metadata BYTEA,
                        payload_type VARCHAR(255) NOT NULL, time_stamp VARCHAR(255) NOT NULL,
                        UNIQUE (aggregate_identifier, sequence_number))""");
        }
    }

    /** Something one client does over and over. */
    interface Operation {
        void run() throws Exception;
    }

    /** {@code clients} threads each repeat their operation for {@code duration}; every call is timed. */
    static Figure measure(String name, int clients, Duration duration, IntFunction<Operation> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Operation operation = client.apply(c);
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (!stop.get()) {
                    long begin = System.nanoTime();
                    operation.run();
                    latencies.add((System.nanoTime() - begin) / 1000);
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long latency : result.get()) {
                all.add(latency);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        all.sort(Long::compare);
        return new Figure(name, clients, all.size(), seconds, percentile(all, 50), percentile(all, 99),
                all.isEmpty() ? 0 : all.get(all.size() - 1));
    }

    private static long percentile(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    /** A realistic mix for one client: register a debt, charge a demand, agree a plan, then pay three times. */
    private static final class CommandMix implements Operation {
        private final HttpClient http;
        private final String base;
        private String debt;
        private int step;

        CommandMix(HttpClient http, int port) {
            this.http = http;
            this.base = "http://127.0.0.1:" + port + "/api/v1/debts";
        }

        @Override
        public void run() throws Exception {
            switch (step++ % 6) {
                case 0 -> {
                    debt = "debt-" + UUID.randomUUID();
                    post(base, """
                            {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "d-1", "invoiceReference": "INV-1",
                             "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"}, "description": "Broadband",
                             "principal": {"amount": "100.00", "currency": "EUR"}, "dueDate": "2025-02-15",
                             "debtType": "CONSUMER", "jurisdiction": "FI", "date": "2025-03-01"}""".formatted(debt));
                }
                case 1 -> post(base + "/" + debt + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}");
                case 2 -> post(base + "/" + debt + "/payment-plans", """
                        {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "38.22", "currency": "EUR"}},
                                         {"dueDate": "2025-05-01", "amount": {"amount": "38.22", "currency": "EUR"}},
                                         {"dueDate": "2025-06-01", "amount": {"amount": "38.22", "currency": "EUR"}}],
                         "channel": "SELF_SERVICE", "date": "2025-03-10"}""");
                default -> post(base + "/" + debt + "/payments", "{\"paymentId\": \"RF-" + step + "\", \"amount\": "
                        + "{\"amount\": \"38.22\", \"currency\": \"EUR\"}, \"valueDate\": \"2025-03-31\","
                        + " \"channel\": \"BANK_FILE\"}");
            }
        }

        private void post(String uri, String body) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", ADVISOR_CREDENTIALS)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("the ledger refused a benchmark command: " + response.body());
            }
        }
    }

    private static Map<String, Object> report(List<Figure> ceiling, List<Figure> commands, Duration each)
            throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("date", Instant.now().toString());
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")));
        results.put("secondsPerMeasurement", each.toSeconds());
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%n%-10s %8s %12s %12s %8s %10s %10s %10s%n",
                "figure", "clients", "ops/s", "ceiling/s", "ratio", "p50 ms", "p99 ms", "max ms"));
        for (int i = 0; i < CONCURRENCY.length; i++) {
            Figure limit = ceiling.get(i);
            Figure ledger = commands.get(i);
            for (Figure figure : List.of(limit, ledger)) {
                double ratio = figure.perSecond() / limit.perSecond();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("figure", figure.name());
                row.put("clients", figure.concurrency());
                row.put("perSecond", Math.round(figure.perSecond()));
                row.put("ratioToCeiling", Math.round(ratio * 1000) / 1000.0);
                row.put("p50Millis", figure.p50Micros() / 1000.0);
                row.put("p99Millis", figure.p99Micros() / 1000.0);
                row.put("maxMillis", figure.maxMicros() / 1000.0);
                rows.add(row);
                table.append(String.format("%-10s %8d %12.0f %12.0f %8.2f %10.2f %10.2f %10.2f%n", figure.name(),
                        figure.concurrency(), figure.perSecond(), limit.perSecond(), ratio,
                        figure.p50Micros() / 1000.0, figure.p99Micros() / 1000.0, figure.maxMicros() / 1000.0));
            }
        }
        results.put("figures", rows);
        org.slf4j.LoggerFactory.getLogger(LedgerBenchmark.class).warn(table.toString());
        return results;
    }
}
