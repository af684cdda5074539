package org.debtledger.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.debtledger.query.QuerySideApplication;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ProjectionRebuilds;
import org.debtledger.query.projection.ReadPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The query side, started fresh on the store the commands filled: how fast it catches up from the first event
 * (both read models), how fast a rebuild of both runs, and how fast a consumer pages through the whole public
 * stream from the start (1,000 events a page, each page parsed by the consumer): once on the fresh query side, its
 * stream code not yet compiled ({@code streamFirstPassEventsPerSecond}), and then, after passes for {@code each}
 * that warm it up, in whole passes for at least {@code each} ({@code streamEventsPerSecond}: the events of those
 * passes over their time), as a query side that has served the stream before answers. Then both sides at work
 * ({@link BothSidesAtWork}).
 */
final class ReadSide {

    private static final Logger log = LoggerFactory.getLogger(ReadSide.class);

    private ReadSide() {
    }

    /**
     * Makes the store hold at least {@code events} events ({@code -Dbenchmark.read-side-events}, none by default)
     * for the read side to catch up on and rebuild from: copies of the debts the commands registered, each copy a
     * debt of its own (its identifier, in the aggregate column and in its events' JSON, ends in
     * {@code -copy-<n>}), appended after the originals in their order.
     */
    static void copyDebtsUntil(DataSource database, long events) throws Exception {
        long originals;
        long lastOriginal;
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            var stored = statement.executeQuery("SELECT count(*), max(globalindex) FROM domainevententry");
            stored.next();
            originals = stored.getLong(1);
            lastOriginal = stored.getLong(2);
        }
        if (originals >= events) {
            return;
        }
        long copies = (events - 1) / originals; // with the originals, at least the events asked for
        long begin = System.nanoTime();
        copyDebts(database, 0, lastOriginal, copies, null);
        log.warn(String.format(
                "%nthe store holds %d events: the %d the commands wrote and %d copies of them, made in %.1f s",
                originals * (copies + 1), originals, copies, (System.nanoTime() - begin) / 1e9));
    }

    /**
     * Appends {@code copies} copies of the events after {@code after} up to {@code last}, each copy's debts debts of
     * their own ({@code -copy-<n>}); with {@code debtorPrefix}, each copy's debtors whose ids start with it as well.
     */
    static void copyDebts(DataSource database, long after, long last, long copies, String debtorPrefix)
            throws Exception {
        String payload = "replace(convert_from(payload, 'UTF8'), '\"' || aggregateidentifier || '\"',"
                + " '\"' || copy_id || '\"')";
        if (debtorPrefix != null) {
            payload = "regexp_replace(" + payload + ", '\"(" + debtorPrefix + "[^\"]*)\"', '\"\\1' || suffix"
                    + " || '\"', 'g')";
        }
        try (Connection connection = database.getConnection(); PreparedStatement copy = connection.prepareStatement("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                SELECT copy_id, sequencenumber, type, gen_random_uuid()::text, metadata, convert_to(%s, 'UTF8'),
                       payloadrevision, payloadtype, timestamp
                FROM (SELECT *, aggregateidentifier || suffix AS copy_id
                      FROM (SELECT *, '-copy-' || ? AS suffix FROM domainevententry
                            WHERE globalindex > ? AND globalindex <= ?) numbered) original
                ORDER BY globalindex""".formatted(payload))) {
            for (long n = 1; n <= copies; n++) {
                copy.setString(1, Long.toString(n));
                copy.setLong(2, after);
                copy.setLong(3, last);
                copy.executeUpdate();
            }
        }
    }

    /** The position of the last event in the store; 0 when it holds none. */
    static long head(DataSource database) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            var max = statement.executeQuery("SELECT coalesce(max(globalindex), 0) FROM domainevententry");
            max.next();
            return max.getLong(1);
        }
    }

    static Map<String, Object> measure(EmbeddedPostgres postgres, CommandGateway gateway, int commandPort,
                                       double commandRate, Duration each) throws Exception {
        long begin = System.nanoTime();
        try (ConfigurableApplicationContext query = freshQuerySide(postgres)) {
            Map<String, Object> figures = fromTheStore(postgres, query, begin, each);
            figures.putAll(atWork(query, gateway, commandPort, commandRate, each));
            log.warn("%nread side: {}".formatted(), figures);
            return figures;
        }
    }

    /**
     * Both sides at work and the busy hour, {@code rounds} times one after the other on one query side started
     * fresh and caught up: the spread between rounds is the machine's, which one round in a full run cannot show.
     */
    static List<Map<String, Object>> measureAtWork(EmbeddedPostgres postgres, CommandGateway gateway, int commandPort,
                                                   double commandRate, Duration each, int rounds) throws Exception {
        try (ConfigurableApplicationContext query = freshQuerySide(postgres)) {
            caughtUp(query);
            List<Map<String, Object>> figures = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                figures.add(atWork(query, gateway, commandPort, commandRate, each));
                log.warn("%nboth sides at work, round {}: {}".formatted(), round + 1, figures.get(round));
            }
            return figures;
        }
    }

    /** Commands at {@code commandRate} beside queries, and then the busy hour, on {@code query}. */
    private static Map<String, Object> atWork(ConfigurableApplicationContext query, CommandGateway gateway,
                                              int commandPort, double commandRate, Duration each) throws Exception {
        ReadPositions positions = query.getBean(ReadPositions.class);
        int port = ((WebServerApplicationContext) query).getWebServer().getPort();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Object> figures = new LinkedHashMap<>(
                BothSidesAtWork.measure(http, commandPort, port, positions, commandRate, each));
        figures.putAll(BothSidesAtWork.busyHour(gateway, http, commandPort, port, positions,
                query.getBean(DataSource.class), Integer.getInteger("benchmark.busy-hour-payments", 20_000),
                LocalDate.now(ZoneId.of("Europe/Helsinki"))));
        return figures;
    }

    /** The catch-up, the rebuild and the stream alone, with nothing else at work. */
    static Map<String, Object> measureAlone(EmbeddedPostgres postgres, Duration each) throws Exception {
        long begin = System.nanoTime();
        try (ConfigurableApplicationContext query = freshQuerySide(postgres)) {
            Map<String, Object> figures = fromTheStore(postgres, query, begin, each);
            log.warn("%nread side alone: {}".formatted(), figures);
            return figures;
        }
    }

    private static ConfigurableApplicationContext freshQuerySide(EmbeddedPostgres postgres) {
        return querySide(postgres, List.of(QuerySideApplication.class), "classpath:debt-ledger-query.yml");
    }

    /**
     * On a query side started at {@code begin}: how long it took to catch up, how fast it rebuilds both models, and
     * how fast a consumer pages through the stream.
     */
    private static Map<String, Object> fromTheStore(EmbeddedPostgres postgres, ConfigurableApplicationContext query,
                                                    long begin, Duration each) throws Exception {
        long head = Profiles.of("catch-up", () -> caughtUp(query));
        double catchUpSeconds = (System.nanoTime() - begin) / 1e9;
        // the read models as caught up, before a rebuild leaves a version of them behind
        Map<String, Object> storage = StoreSizes.measure(postgres.getPostgresDatabase());

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
        StreamConsumer consumer = new StreamConsumer(http, port, RunSecrets.INTEGRATION, head);
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
        figures.put("storage", storage);
        return figures;
    }

    /**
     * A query side on {@code postgres} from {@code sources} with {@code configuration} (this classpath's
     * application.yml is the command side's), on a free port, with an integration client and an advisor signing in.
     */
    static ConfigurableApplicationContext querySide(EmbeddedPostgres postgres, List<Class<?>> sources,
                                                    String configuration, String... more) {
        List<String> settings = new ArrayList<>(List.of("--spring.config.location=" + configuration,
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--logging.level.root=WARN",
                "--ledger.security.local-users.enabled=true",
                "--ledger.security.local-users.store=target/local-users-unused",
                "--ledger.security.local-users.users[0].name=integration",
                "--ledger.security.local-users.users[0].role=INTEGRATION",
                "--ledger.security.local-users.users[1].name=advisor",
                "--ledger.security.local-users.users[1].role=ADVISOR",
                "--ledger.password.integration=" + RunSecrets.PASSWORD,
                "--ledger.password.advisor=" + RunSecrets.PASSWORD,
                "--ledger.security.key-encryption-key.value=" + RunSecrets.randomKey()));
        settings.addAll(List.of(more));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(settings.toArray(String[]::new));
    }

    /** Waits until every read model of {@code query} has applied the last event in the store; answers its position. */
    static long caughtUp(ConfigurableApplicationContext query) throws Exception {
        long head = head(query.getBean(DataSource.class));
        ReadPositions positions = query.getBean(ReadPositions.class);
        for (String group : ProcessingGroups.ALL) {
            positions.awaitAtLeast(group, head, Duration.ofMinutes(30));
        }
        return head;
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
}
