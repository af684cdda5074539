package org.debtledger.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.debtledger.audit.Channel;
import org.debtledger.command.CommandSideApplication;
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
import org.debtledger.query.QuerySideApplication;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ProjectionRebuilds;
import org.debtledger.query.projection.ReadPositions;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Measures the ledger next to the limit the same PostgreSQL reaches on the same machine in the same run, on a fresh
 * embedded PostgreSQL with fsync and synchronous commit on.
 * <ul>
 *   <li><b>ceiling</b>: single-row INSERT transactions of an event-sized row into an event-shaped table;</li>
 *   <li><b>commands</b>: ledger commands over HTTP (a mix of registering, fees, plans and payments), each a
 *   durable transaction, and their ratio to the ceiling measured just before them at the same concurrency
 *   ({@link Ceiling#beside}); with p50, p99 and max latency.</li>
 *   <li><b>in-process</b> and <b>plain-axon</b>: the same mix through the ledger's command gateway in process, and
 *   through a plain Axon configuration's ({@link PlainAxonPeer}).</li>
 * </ul>
 * Usage: {@code LedgerBenchmark <seconds per measurement> <results.json>}.
 */
public final class LedgerBenchmark {

    static final String ADVISOR_PASSWORD = java.util.UUID.randomUUID().toString();
    private static final String ADVISOR_CREDENTIALS = "Basic " + java.util.Base64.getEncoder().encodeToString(
            ("advisor:" + ADVISOR_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    static final String OPERATOR_CREDENTIALS = "Basic " + java.util.Base64.getEncoder().encodeToString(
            ("operator:" + ADVISOR_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private static final int[] CONCURRENCY = {1, 4, 16};
    private static final int LAG_PROBES = 4;

    private LedgerBenchmark() {
    }

    /**
     * One measurement: operations done, how long it took, latencies in microseconds, the processor time the JIT
     * compiler spent meanwhile (a measurement taken while the compiler is still busy is a measurement of it), and
     * the database's ceiling measured just before it at the same concurrency (0 when none was).
     */
    record Figure(String name, int concurrency, long operations, double seconds, long p50Micros, long p99Micros,
                  long maxMicros, long compileMillis, double ceilingPerSecond) {

        double perSecond() {
            return operations / seconds;
        }

        Figure besideCeiling(double perSecond) {
            return new Figure(name, concurrency, operations, seconds, p50Micros, p99Micros, maxMicros, compileMillis,
                    perSecond);
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
            Ceiling limit = Ceiling.create(postgres);
            List<Figure> ceiling = new ArrayList<>();
            for (int clients : CONCURRENCY) {
                Figure fresh = limit.measure(clients, each);
                ceiling.add(fresh.besideCeiling(fresh.perSecond()));
            }

            List<Figure> commands = new ArrayList<>();
            Figure atHalfRate;
            List<Map<String, Object>> aggregateLoads;
            Map<String, Object> readSide;
            PlainAxonPeer.InProcess inProcess;
            Map<String, Object> bankFile;
            try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(CommandSideApplication.class).run(
                    "--spring.config.location=classpath:debt-ledger-command.yml",
                    "--server.port=0", "--server.address=127.0.0.1", "--ledger.close-of-business.scheduled=false",
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--spring.datasource.hikari.maximum-pool-size=20", "--logging.level.root=WARN",
                    // an advisor signs in as every client of the ledger must; the password is made for the run
                    "--ledger.security.local-users.enabled=true",
                    "--ledger.security.local-users.store=target/local-users-unused",
                    "--ledger.security.local-users.users[0].name=advisor",
                    "--ledger.security.local-users.users[0].role=ADVISOR",
                    "--ledger.security.local-users.users[1].name=operator",
                    "--ledger.security.local-users.users[1].role=OPERATOR",
                    "--ledger.password.advisor=" + ADVISOR_PASSWORD, "--ledger.password.operator=" + ADVISOR_PASSWORD)) {
                int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                warmUp("commands", each,
                        slice -> measure("commands-warm-up", 4, slice, client -> new CommandMix(http, port)));
                for (int clients : CONCURRENCY) {
                    commands.add(limit.beside("commands", clients, each, client -> new CommandMix(http, port)));
                }
                double sustainable = commands.stream().mapToDouble(Figure::perSecond).max().orElseThrow();
                atHalfRate = atFixedRate("commands", sustainable / 2, each, client -> new CommandMix(http, port));
                aggregateLoads = aggregateLoads(ledger, postgres.getPostgresDatabase());
                // before the store is filled for the read side: the peer's database holds only its own events
                inProcess = PlainAxonPeer.measureInProcess(postgres, limit, ledger, each, CONCURRENCY);
                copyDebtsUntil(postgres.getPostgresDatabase(), Long.getLong("benchmark.read-side-events", 0));
                readSide = readSide(postgres, port, sustainable / 2, each);
                bankFile = Profiles.of("bank-file", () -> BankFileRun.measure(ledger.getBean(CommandGateway.class), http,
                        port, Integer.getInteger("benchmark.bank-file-payments", 50_000)));
            }
            Map<String, Object> memory = StandaloneMemory.measure(
                    Path.of(System.getProperty("benchmark.standalone-jar", "../standalone/target/debt-ledger.jar")), each);
            Map<String, Object> results = report(ceiling, commands, inProcess, each);
            results.put("commandsAtHalfTheSustainableRate", Map.of("perSecondAsked", Math.round(atHalfRate.perSecond()),
                    "p50Millis", atHalfRate.p50Micros() / 1000.0, "p99Millis", atHalfRate.p99Micros() / 1000.0,
                    "maxMillis", atHalfRate.maxMicros() / 1000.0));
            org.slf4j.LoggerFactory.getLogger(LedgerBenchmark.class).warn("%ncommands at half the sustainable rate: {}"
                    .formatted(), results.get("commandsAtHalfTheSustainableRate"));
            results.put("aggregateLoad", aggregateLoads);
            results.put("readSide", readSide);
            results.put("inProcess", inProcess.configuration());
            results.put("bankFile", bankFile);
            org.slf4j.LoggerFactory.getLogger(LedgerBenchmark.class).warn("%nbank file: {}".formatted(), bankFile);
            results.put("standaloneMemory", memory);
            org.slf4j.LoggerFactory.getLogger(LedgerBenchmark.class).warn("%nstandalone memory: {}".formatted(), memory);
            return results;
        }
    }

    /**
     * How long loading one debt takes once it has N events ({@code -Dbenchmark.aggregate-events}, default 1000 and
     * 10000): as the ledger loads it (the latest snapshot and the events after it), and from its events alone
     * (its snapshots deleted before each load: a load that replays more than the snapshot threshold takes one,
     * even in a unit of work rolled back). Each load is timed 20 times after 5 to warm up.
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
            double withSnapshots = medianLoadMillis(repository, debtId, () -> { });
            double fromEvents = medianLoadMillis(repository, debtId, () -> {
                try (Connection connection = database.getConnection();
                     PreparedStatement delete = connection.prepareStatement(
                             "DELETE FROM snapshotevententry WHERE aggregateidentifier = ?")) {
                    delete.setString(1, debtId);
                    delete.executeUpdate();
                }
            });
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

    /**
     * Makes the store hold at least {@code events} events ({@code -Dbenchmark.read-side-events}, none by default)
     * for the read side to catch up on and rebuild from: copies of the debts the commands above registered, each
     * copy a debt of its own (its identifier, in the aggregate column and in its events' JSON, ends in
     * {@code -copy-<n>}), appended after the originals in their order.
     */
    private static void copyDebtsUntil(DataSource database, long events) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            var stored = statement.executeQuery("SELECT count(*), max(globalindex) FROM domainevententry");
            stored.next();
            long originals = stored.getLong(1);
            long lastOriginal = stored.getLong(2);
            if (originals >= events) {
                return;
            }
            long copies = (events - 1) / originals; // with the originals, at least the events asked for
            long begin = System.nanoTime();
            try (PreparedStatement copy = connection.prepareStatement("""
                    INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                  payload, payloadrevision, payloadtype, timestamp)
                    SELECT copy_id, sequencenumber, type, gen_random_uuid()::text, metadata,
                           convert_to(replace(convert_from(payload, 'UTF8'), '"' || aggregateidentifier || '"',
                                              '"' || copy_id || '"'), 'UTF8'),
                           payloadrevision, payloadtype, timestamp
                    FROM (SELECT *, aggregateidentifier || '-copy-' || ? AS copy_id FROM domainevententry
                          WHERE globalindex <= ?) original
                    ORDER BY globalindex""")) {
                for (long n = 1; n <= copies; n++) {
                    copy.setString(1, Long.toString(n));
                    copy.setLong(2, lastOriginal);
                    copy.executeUpdate();
                }
            }
            org.slf4j.LoggerFactory.getLogger(LedgerBenchmark.class).warn(String.format(
                    "%nthe store holds %d events: the %d the commands wrote and %d copies of them, made in %.1f s",
                    originals * (copies + 1), originals, copies, (System.nanoTime() - begin) / 1e9));
        }
    }

    /** A key-encryption key made for the run: the query side alone starts only with one. */
    private static String keyEncryptionKey() {
        byte[] kek = new byte[32];
        new java.security.SecureRandom().nextBytes(kek);
        return java.util.Base64.getEncoder().encodeToString(kek);
    }

    /**
     * The query side, started fresh on the store the commands above filled: how fast it catches up from the first
     * event (both read models), how fast a rebuild of both runs, and how fast a consumer pages through the whole
     * public stream from the start (1,000 events a page, each page parsed by the consumer): once on the fresh query
     * side, its stream code not yet compiled ({@code streamFirstPassEventsPerSecond}), and then, after passes for
     * {@code each} that warm it up, in whole passes for at least {@code each} ({@code streamEventsPerSecond}: the
     * events of those passes over their time), as a query side that has served the stream before answers.
     */
    private static Map<String, Object> readSide(EmbeddedPostgres postgres, int commandPort, double commandRate,
                                                Duration each)
            throws Exception {
        long begin = System.nanoTime();
        try (ConfigurableApplicationContext query = new SpringApplicationBuilder(QuerySideApplication.class).run(
                // the query side's own settings: this classpath's application.yml is the command side's
                "--spring.config.location=classpath:debt-ledger-query.yml",
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--logging.level.root=WARN",
                "--ledger.security.local-users.enabled=true",
                "--ledger.security.local-users.store=target/local-users-unused",
                "--ledger.security.local-users.users[0].name=integration",
                "--ledger.security.local-users.users[0].role=INTEGRATION",
                "--ledger.security.local-users.users[1].name=advisor",
                "--ledger.security.local-users.users[1].role=ADVISOR",
                "--ledger.password.integration=" + ADVISOR_PASSWORD, "--ledger.password.advisor=" + ADVISOR_PASSWORD,
                "--ledger.security.key-encryption-key.value=" + keyEncryptionKey())) {
            DataSource database = query.getBean(DataSource.class);
            long head;
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                var max = statement.executeQuery("SELECT max(globalindex) FROM domainevententry");
                max.next();
                head = max.getLong(1);
            }
            ReadPositions positions = query.getBean(ReadPositions.class);
            Profiles.of("catch-up", () -> {
                for (String group : ProcessingGroups.ALL) {
                    positions.awaitAtLeast(group, head, Duration.ofMinutes(30));
                }
                return null;
            });
            double catchUpSeconds = (System.nanoTime() - begin) / 1e9;

            ProjectionRebuilds rebuilds = query.getBean(ProjectionRebuilds.class);
            long rebuildBegin = System.nanoTime();
            Profiles.of("rebuild", () -> {
                rebuilds.start(ProcessingGroups.ALL);
                long rebuildDeadline = rebuildBegin + TimeUnit.MINUTES.toNanos(30);
                while (!ProcessingGroups.ALL.stream()
                        .allMatch(model -> rebuilds.status(model).status().equals("COMPLETED"))) {
                    for (String model : ProcessingGroups.ALL) {
                        if (rebuilds.status(model).status().equals("FAILED")) {
                            throw new IllegalStateException("the rebuild failed: " + rebuilds.status(model));
                        }
                    }
                    if (System.nanoTime() > rebuildDeadline) {
                        throw new IllegalStateException("the rebuild did not finish within 30 minutes");
                    }
                    Thread.sleep(20);
                }
                return null;
            });
            double rebuildSeconds = (System.nanoTime() - rebuildBegin) / 1e9;

            int port = ((WebServerApplicationContext) query).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String credentials = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    ("integration:" + ADVISOR_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StreamConsumer consumer = new StreamConsumer(http, port, credentials, head);
            long firstPassBegin = System.nanoTime();
            long received = Profiles.of("stream-first-pass", consumer::pass);
            double firstPassSeconds = (System.nanoTime() - firstPassBegin) / 1e9;
            long warm = System.nanoTime() + each.toNanos();
            while (System.nanoTime() < warm) {
                consumer.pass();
            }
            long[] passes = Profiles.of("stream", () -> {
                long passesBegin = System.nanoTime();
                long events = 0;
                long count = 0;
                do {
                    events += consumer.pass();
                    count++;
                } while (System.nanoTime() - passesBegin < each.toNanos());
                return new long[]{events, count, System.nanoTime() - passesBegin};
            });

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("events", head);
            figures.put("startAndCatchUpSeconds", Math.round(catchUpSeconds * 100) / 100.0);
            figures.put("startAndCatchUpEventsPerSecond", Math.round(head / catchUpSeconds));
            figures.put("rebuildAllSeconds", Math.round(rebuildSeconds * 100) / 100.0);
            figures.put("rebuildEventsPerSecond", Math.round(head / rebuildSeconds));
            figures.put("streamEventsReceived", received);
            figures.put("streamFirstPassEventsPerSecond", Math.round(received / firstPassSeconds));
            figures.put("streamPasses", passes[1]);
            figures.put("streamEventsPerSecond", Math.round(passes[0] / (passes[2] / 1e9)));
            figures.putAll(underLoad(http, commandPort, port, positions, commandRate, each));
            org.slf4j.LoggerFactory.getLogger(LedgerBenchmark.class).warn("%nread side: {}".formatted(), figures);
            return figures;
        }
    }

    /** A consumer of the public stream, paging through it from the start as fast as the answers come. */
    private record StreamConsumer(HttpClient http, int port, String credentials, long head) {

        private static final ObjectMapper JSON = new ObjectMapper();

        /** Pages from the first event to the head; answers how many events came. */
        long pass() throws IOException, InterruptedException {
            long events = 0;
            long after = 0;
            while (after < head) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/v1/events?limit=1000&after=" + after)).header("Authorization", credentials)
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                var read = JSON.readTree(page.body());
                events += read.path("events").size();
                after = read.path("next").asLong();
            }
            return events;
        }
    }

    /**
     * Both sides at work: the command mix arrives at {@code commandRate} (half the best rate measured, the load the
     * latency and lag targets are set at) for {@code each}, while queries arrive at a fixed 200 a
     * second (the debt view and the debtor's balance of one debt, in turn; each timed from when it was due, so a
     * slow answer delays the ones behind it) and four probes, that debt's and three others', each pay their debt one
     * payment at a time and time how long after the acknowledgement the debt view has applied it.
     */
    private static Map<String, Object> underLoad(HttpClient http, int commandPort, int queryPort,
                                                 ReadPositions positions, double commandRate, Duration each)
            throws Exception {
        // the query side started cold for the catch-up: its queries are warmed up as the commands were
        warmUp("both sides", each,
                slice -> bothSidesAtWork(http, commandPort, queryPort, positions, commandRate, slice));
        return bothSidesAtWork(http, commandPort, queryPort, positions, commandRate, each);
    }

    private static Map<String, Object> bothSidesAtWork(HttpClient http, int commandPort, int queryPort,
                                                       ReadPositions positions, double commandRate, Duration each)
            throws Exception {
        CommandMix probeClient = new CommandMix(http, commandPort);
        // the lag is probed on the debt the queries read and on three more: one probe alone took some 70 samples in
        // 10 s, so its p99 was its slowest sample
        String probe = registerProbe(probeClient, commandPort, "d-probe", positions);
        List<String> probed = new ArrayList<>(List.of(probe));
        for (int i = 1; i < LAG_PROBES; i++) {
            probed.add(registerProbe(probeClient, commandPort, "d-lag-probe", positions));
        }

        AtomicBoolean stop = new AtomicBoolean();
        List<Long> lags = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> lagProbes = probed.stream().map(debt -> new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    long position = probeClient.postForPosition("http://127.0.0.1:" + commandPort + "/api/v1/debts/"
                            + debt + "/payments", "{\"paymentId\": \"PROBE-" + i + "\", \"amount\": {\"amount\":"
                            + " \"0.01\", \"currency\": \"EUR\"}, \"valueDate\": \"2025-03-01\", \"channel\": \"BANK_FILE\"}");
                    long acknowledged = System.nanoTime();
                    while (positions.reached(ProcessingGroups.DEBTS) < position) {
                        Thread.sleep(2); // what a minPosition read waits for, asked every 2 ms
                    }
                    lags.add((System.nanoTime() - acknowledged) / 1000);
                    Thread.sleep(20);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        })).toList();

        String credentials = ADVISOR_CREDENTIALS;
        List<Long> queryLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        ExecutorService queries = Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        long queriesBegin = System.nanoTime();
        schedule.scheduleAtFixedRate(() -> {
            long n = sent.getAndIncrement();
            long due = queriesBegin + n * 5_000_000L;
            String path = n % 2 == 0 ? "/api/v1/debts/" + probe : "/api/v1/debtors/d-probe/balance";
            queries.submit(() -> {
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + queryPort + path)).header("Authorization", credentials)
                            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("a benchmark query was refused: " + answer.body());
                    }
                    queryLatencies.add((System.nanoTime() - due) / 1000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }, 0, 5, TimeUnit.MILLISECONDS);
        lagProbes.forEach(Thread::start);
        Figure mixed = atFixedRate("commands-with-queries", commandRate, each,
                client -> new CommandMix(http, commandPort));
        stop.set(true);
        schedule.shutdown();
        schedule.awaitTermination(10, TimeUnit.SECONDS);
        queries.shutdown();
        queries.awaitTermination(60, TimeUnit.SECONDS);
        for (Thread lagProbe : lagProbes) {
            lagProbe.join(60_000);
        }

        List<Long> sortedQueries = new ArrayList<>(queryLatencies);
        sortedQueries.sort(Long::compare);
        List<Long> sortedLags = new ArrayList<>(lags);
        sortedLags.sort(Long::compare);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("underLoadCommandsPerSecond", Math.round(mixed.perSecond()));
        figures.put("underLoadCommandP99Millis", mixed.p99Micros() / 1000.0);
        figures.put("underLoadCompileMillis", mixed.compileMillis());
        figures.put("queriesPerSecondAsked", 200);
        figures.put("queriesAnswered", sortedQueries.size());
        figures.put("queryP50Millis", percentile(sortedQueries, 50) / 1000.0);
        figures.put("queryP99Millis", percentile(sortedQueries, 99) / 1000.0);
        figures.put("queryMaxMillis", sortedQueries.isEmpty() ? 0 : sortedQueries.get(sortedQueries.size() - 1) / 1000.0);
        figures.put("projectionLagSamples", sortedLags.size());
        figures.put("projectionLagP50Millis", percentile(sortedLags, 50) / 1000.0);
        figures.put("projectionLagP99Millis", percentile(sortedLags, 99) / 1000.0);
        return figures;
    }

    /** Registers a debt of {@code debtorId} for a probe and waits until the debt view has it. */
    private static String registerProbe(CommandMix client, int commandPort, String debtorId, ReadPositions positions)
            throws Exception {
        String debt = "debt-" + UUID.randomUUID();
        long registered = client.postForPosition("http://127.0.0.1:" + commandPort + "/api/v1/debts", """
                {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "%s", "invoiceReference": "INV-1",
                 "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"}, "description": "Broadband",
                 "principal": {"amount": "1000000.00", "currency": "EUR"}, "dueDate": "2025-02-15",
                 "debtType": "CONSUMER", "jurisdiction": "FI", "date": "2025-03-01"}""".formatted(debt, debtorId));
        positions.awaitAtLeast(ProcessingGroups.DEBTS, registered, Duration.ofMinutes(1));
        return debt;
    }

    private static double medianLoadMillis(Repository<Debt> repository, String debtId, Operation beforeEach)
            throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            beforeEach.run();
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

    /** Something one client does over and over. */
    interface Operation {
        void run() throws Exception;
    }

    /** {@code clients} threads each repeat their operation for {@code duration}; every call is timed. */
    static Figure measure(String name, int clients, Duration duration, IntFunction<Operation> client) throws Exception {
        return Profiles.of(name + "-" + clients, () -> {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<long[]>> results = new ArrayList<>();
            long compiledBefore = compileMillis();
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
            return figure(name, clients, all, seconds, compileMillis() - compiledBefore);
        });
    }

    /**
     * Operations started at a fixed rate whatever the answers do (an open system, as callers are), each on one of
     * 32 clients, each timed from when it was due: a slow answer delays the ones behind it and shows in their times.
     */
    static Figure atFixedRate(String name, double perSecond, Duration duration, IntFunction<Operation> client)
            throws Exception {
        return Profiles.of(name + "-fixed-rate", () -> {
            int clients = 32;
            java.util.concurrent.BlockingQueue<Operation> idle = new java.util.concurrent.ArrayBlockingQueue<>(clients);
            for (int c = 0; c < clients; c++) {
                idle.add(client.apply(c));
            }
            ExecutorService workers = Executors.newFixedThreadPool(clients);
            List<Future<Long>> results = new ArrayList<>();
            long interval = (long) (1e9 / perSecond);
            long compiledBefore = compileMillis();
            long start = System.nanoTime();
            for (long due = start; due < start + duration.toNanos(); due += interval) {
                TimeUnit.NANOSECONDS.sleep(due - System.nanoTime());
                long dueAt = due;
                results.add(workers.submit(() -> {
                    Operation operation = idle.take();
                    try {
                        operation.run();
                    } finally {
                        idle.add(operation);
                    }
                    return (System.nanoTime() - dueAt) / 1000;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<Long> result : results) {
                all.add(result.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            workers.shutdown();
            return figure(name, clients, all, seconds, compileMillis() - compiledBefore);
        });
    }

    private static Figure figure(String name, int clients, List<Long> latencies, double seconds, long compileMillis) {
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(Long::compare);
        return new Figure(name, clients, sorted.size(), seconds, percentile(sorted, 50), percentile(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), compileMillis, 0);
    }

    /** Something the benchmark does for a given time. */
    interface Pass {
        void run(Duration length) throws Exception;
    }

    /**
     * Repeats {@code pass} until the JIT compiler is done with it: passes of 10 s (or of a measurement's length, if
     * shorter) until one in which the compiler spent under 5 % of the time the pass took, for at most
     * {@code -Dbenchmark.warm-up-seconds} (default: one pass). A server runs warm, and on 2 cores the compiler
     * needs minutes to compile the web edge, Spring, Axon and the JDBC driver along a request's path; measured
     * cold, a figure is mostly the compiler's.
     */
    static void warmUp(String name, Duration each, Pass pass) throws Exception {
        Duration length = each.compareTo(Duration.ofSeconds(10)) < 0 ? each : Duration.ofSeconds(10);
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(
                Long.getLong("benchmark.warm-up-seconds", length.toSeconds()));
        long compiled;
        long took;
        do {
            long compiledBefore = compileMillis();
            long begin = System.nanoTime();
            pass.run(length);
            took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            compiled = compileMillis() - compiledBefore;
        } while (compiled > 0.05 * took && System.nanoTime() < limit);
        org.slf4j.LoggerFactory.getLogger(LedgerBenchmark.class).warn(String.format(
                "%nwarm-up of %s ended: the compiler spent %d ms of its last %d ms", name, compiled, took));
    }

    /** Processor time the JIT compiler has spent since the JVM started, all its threads together. */
    static long compileMillis() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long percentile(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    /** A realistic mix for one client: register a debt, charge a demand, agree a plan, then pay three times. */
    static final class CommandMix implements Operation {
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

        /** Sends a command and answers the position of its last event. */
        long postForPosition(String uri, String body) throws IOException, InterruptedException {
            return new ObjectMapper().readTree(postAnswer(uri, body)).path("position").asLong();
        }

        private void post(String uri, String body) throws IOException, InterruptedException {
            postAnswer(uri, body);
        }

        private String postAnswer(String uri, String body) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", ADVISOR_CREDENTIALS)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("the ledger refused a benchmark command: " + response.body());
            }
            return response.body();
        }
    }

    private static Map<String, Object> report(List<Figure> ceiling, List<Figure> commands,
                                              PlainAxonPeer.InProcess inProcess, Duration each) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("date", Instant.now().toString());
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")));
        results.put("secondsPerMeasurement", each.toSeconds());
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%n%-10s %8s %12s %12s %8s %10s %10s %10s %10s%n",
                "figure", "clients", "ops/s", "ceiling/s", "ratio", "p50 ms", "p99 ms", "max ms", "JIT ms"));
        for (int i = 0; i < CONCURRENCY.length; i++) {
            for (Figure figure : List.of(ceiling.get(i), commands.get(i), inProcess.ledger().get(i),
                    inProcess.plainAxon().get(i))) {
                double ratio = figure.perSecond() / figure.ceilingPerSecond();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("figure", figure.name());
                row.put("clients", figure.concurrency());
                row.put("perSecond", Math.round(figure.perSecond()));
                row.put("ceilingPerSecond", Math.round(figure.ceilingPerSecond()));
                row.put("ratioToCeiling", Math.round(ratio * 1000) / 1000.0);
                row.put("p50Millis", figure.p50Micros() / 1000.0);
                row.put("p99Millis", figure.p99Micros() / 1000.0);
                row.put("maxMillis", figure.maxMicros() / 1000.0);
                row.put("compileMillis", figure.compileMillis());
                rows.add(row);
                table.append(String.format("%-10s %8d %12.0f %12.0f %8.2f %10.2f %10.2f %10.2f %10d%n", figure.name(),
                        figure.concurrency(), figure.perSecond(), figure.ceilingPerSecond(), ratio,
                        figure.p50Micros() / 1000.0, figure.p99Micros() / 1000.0, figure.maxMicros() / 1000.0,
                        figure.compileMillis()));
            }
        }
        results.put("figures", rows);
        org.slf4j.LoggerFactory.getLogger(LedgerBenchmark.class).warn(table.toString());
        return results;
    }
}
