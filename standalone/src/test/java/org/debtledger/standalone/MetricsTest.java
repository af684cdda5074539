package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.debtledger.debt.DebtId;
import org.debtledger.payment.CreditorReference;
import org.debtledger.query.projection.ProcessingGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.debtledger.standalone.Endpoints.ADVISOR;
import static org.debtledger.standalone.Endpoints.INTEGRATION;
import static org.debtledger.standalone.Endpoints.OPERATOR;

/**
 * The ledger's own metrics over real HTTP: after a few commands (one refused by a rule), a close of business and a
 * small bank file, the operators' scrape shows each metric with the values those actions imply; every metric the
 * Grafana dashboard in docs/ queries is one the ledger exports.
 */
class MetricsTest {

    private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "debt-ledger.json");
    private static final String KAFKA_PUBLISHER_LAG = "ledger_kafka_publisher_lag_events";

    @TempDir
    static Path dataDirectory;

    private static StandaloneLedger ledger;
    /** A debt a bank file can pay by reference: its id is digits and capital letters. */
    private static final String DEBT = "MT" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    private static JsonNode closeOfBusiness;

    @BeforeAll
    static void startAndAct() {
        // a subscriber more than one event behind is dropped, and a closed one is noticed within a second
        ledger = StandaloneLedger.start(dataDirectory, "--ledger.stream.max-lag=1", "--ledger.stream.heartbeat=1s");
        register(DEBT);
        register("debt-" + UUID.randomUUID());
        StandaloneLedger.Answer refused = ledger.as(ADVISOR).post("/api/v1/debts/" + DEBT + "/payments", """
                {"paymentId": "RF-sek", "amount": {"amount": "10.00", "currency": "SEK"}, "valueDate": "2025-03-02",
                 "channel": "BANK_FILE"}""");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("rule").asText()).isEqualTo("CURRENCY_MISMATCH");
        StandaloneLedger.Answer paid = ledger.as(ADVISOR).post("/api/v1/debts/" + DEBT + "/payments", """
                {"paymentId": "RF-eur", "amount": {"amount": "10.00", "currency": "EUR"}, "valueDate": "2025-03-02",
                 "channel": "BANK_FILE"}""");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);

        StandaloneLedger.Answer closed = ledger.as(OPERATOR).post("/api/v1/operations/close-of-business",
                "{\"businessDate\": \"2025-03-02\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        closeOfBusiness = closed.json();

        // one line pays the debt, the other names a debt the ledger does not hold
        StandaloneLedger.Answer file = ledger.as(OPERATOR).post("/api/v1/operations/bank-files", """
                archive_id,reference,amount,currency,value_date
                metrics-1,%s,5.00,EUR,2025-03-03
                metrics-2,%s,5.00,EUR,2025-03-03
                """.formatted(CreditorReference.forDebt(new DebtId(DEBT)).printed(),
                CreditorReference.forDebt(new DebtId("NOSUCHDEBT1")).printed()), "Content-Type", "text/csv");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.json().path("applied").asInt()).isEqualTo(1);
        assertThat(file.json().path("refused").asInt()).isEqualTo(1);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    private static void register(String debtId) {
        StandaloneLedger.Answer answer = ledger.as(ADVISOR).post("/api/v1/debts", Endpoints.REGISTRATION
                .replace("{newDebtId}", debtId).replace("{debtorId}", "d-" + UUID.randomUUID()));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    private static Scrape scrape() {
        StandaloneLedger.Answer answer = ledger.as(OPERATOR).get("/actuator/prometheus");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/plain");
        return new Scrape(answer.response().body());
    }

    @Test
    void commandsAreCountedByTypeAndOutcomeAndRefusalsByTheirRule() {
        Scrape scrape = scrape();

        assertThat(scrape.count("ledger_commands_total", "type", "RegisterDebt", "outcome", "accepted")).isEqualTo(2);
        assertThat(scrape.count("ledger_commands_refused_total", "type", "RecordPayment", "rule", "CURRENCY_MISMATCH"))
                .isEqualTo(1);
        // the bank file's payment to a debt the ledger does not hold was refused too
        assertThat(scrape.count("ledger_commands_refused_total", "type", "RecordPayment", "rule", "DEBT_UNKNOWN"))
                .isEqualTo(1);
        assertThat(scrape.count("ledger_commands_total", "type", "RecordPayment", "outcome", "refused")).isEqualTo(2);
        // one through the API, one from the bank file
        assertThat(scrape.count("ledger_commands_total", "type", "RecordPayment", "outcome", "accepted")).isEqualTo(2);
        assertThat(scrape.count("ledger_commands_total", "outcome", "failed")).isZero();
        assertThat(scrape.count("ledger_commands_group_commands_sum"))
                .as("every command was committed in a group, refused ones too").isGreaterThanOrEqualTo(6);
    }

    @Test
    void closeOfBusinessAndTheBankFileAreTimedAndTheirDebtsAndLinesCounted() {
        Scrape scrape = scrape();

        assertThat(scrape.count("ledger_runs_seconds_count", "kind", "close_of_business", "status", "completed"))
                .isEqualTo(1);
        assertThat(scrape.count("ledger_runs_seconds_sum", "kind", "close_of_business")).isPositive();
        assertThat(scrape.count("ledger_runs_items_total", "kind", "close_of_business", "outcome", "closed"))
                .isEqualTo(closeOfBusiness.path("debtsProcessed").asInt()).isPositive();
        assertThat(scrape.count("ledger_runs_items_total", "kind", "close_of_business", "outcome", "failed"))
                .isEqualTo(closeOfBusiness.path("debtsFailed").asInt());

        assertThat(scrape.count("ledger_runs_seconds_count", "kind", "bank_file", "status", "completed")).isEqualTo(1);
        assertThat(scrape.count("ledger_runs_seconds_sum", "kind", "bank_file")).isPositive();
        assertThat(scrape.count("ledger_runs_items_total", "kind", "bank_file", "outcome", "applied")).isEqualTo(1);
        assertThat(scrape.count("ledger_runs_items_total", "kind", "bank_file", "outcome", "already_applied")).isZero();
        assertThat(scrape.count("ledger_runs_items_total", "kind", "bank_file", "outcome", "refused")).isEqualTo(1);
        assertThat(scrape.count("ledger_runs_failures_total", "kind", "bank_file", "rule", "DEBT_UNKNOWN"))
                .isEqualTo(1);
        assertThat(scrape.value("ledger_runs_running")).contains(0.0);
    }

    @Test
    void eachReadOfADebtorsDataIsCountedAsAnAccessLogWrite() {
        double before = scrape().count("ledger_access_log_writes_total", "outcome", "written");

        assertThat(ledger.as(ADVISOR).get("/api/v1/debts/" + DEBT).status()).isEqualTo(200);

        Scrape after = scrape();
        assertThat(after.count("ledger_access_log_writes_total", "outcome", "written")).isEqualTo(before + 1);
        assertThat(after.value("ledger_access_log_writes_total", "outcome", "failed")).contains(0.0);
    }

    @Test
    void theQueriesConnectionsAreShownApartFromThoseTheProjectionsAndCommandsShare() {
        assertThat(ledger.as(ADVISOR).get("/api/v1/debts/" + DEBT).status()).isEqualTo(200);

        Scrape scrape = scrape();
        assertThat(scrape.value("hikaricp_connections_max", "pool", "ledger-queries")).contains(8.0);
        assertThat(scrape.value("hikaricp_connections_max", "pool", "ledger")).contains(16.0);
    }

    @Test
    void readModelsThatHaveAppliedEveryEventAreNotBehindAndHoldNoDeadLetters() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Scrape scrape = scrape();
            for (String projection : ProcessingGroups.ALL) {
                assertThat(scrape.value("ledger_projection_lag_events", "projection", projection)).contains(0.0);
                assertThat(scrape.value("ledger_projection_lag_seconds", "projection", projection)).contains(0.0);
                assertThat(scrape.value("ledger_projection_dead_letters", "projection", projection)).contains(0.0);
            }
        });
    }

    @Test
    void aReadModelHeldBackShowsHowFarBehindItIsInPositionsAndSeconds() {
        StreamingEventProcessor portfolio = ledger.context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(ProcessingGroups.PORTFOLIO, StreamingEventProcessor.class).orElseThrow();
        portfolio.shutDown();
        try {
            assertThat(ledger.as(ADVISOR).post("/api/v1/debts/" + DEBT + "/assignment", "{\"advisorId\": \"advisor-7\"}")
                    .status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Scrape scrape = scrape();
                assertThat(scrape.count("ledger_projection_lag_events", "projection", "portfolio")).isPositive();
                assertThat(scrape.count("ledger_projection_lag_seconds", "projection", "portfolio")).isPositive();
            });
        } finally {
            portfolio.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scrape().value("ledger_projection_lag_events", "projection", "portfolio")).contains(0.0));
    }

    @Test
    void theStreamsSubscribersAndThoseDroppedForFallingBehindAreShown() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // more than one event behind the head: told it is too slow, and disconnected
        HttpResponse<String> tooSlow = client.sendAsync(ledger.as(INTEGRATION).request("/api/v1/events/stream?after=0")
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .get(10, TimeUnit.SECONDS);
        assertThat(tooSlow.body()).contains("too-slow");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(scrape().value("ledger_stream_too_slow_total")).contains(1.0));

        long head = ledger.database.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        HttpResponse<InputStream> following = client.sendAsync(ledger.as(INTEGRATION)
                        .request("/api/v1/events/stream?after=" + head).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        try (InputStream events = following.body()) {
            assertThat(following.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Scrape scrape = scrape();
                assertThat(scrape.value("ledger_stream_subscribers")).contains(1.0);
                assertThat(scrape.value("ledger_stream_lag_events")).contains(0.0);
            });
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scrape().value("ledger_stream_subscribers")).contains(0.0));
    }

    @Test
    void onlyOperatorsMayReadTheMetrics() {
        for (String user : List.of(ADVISOR, Endpoints.COMPLIANCE, INTEGRATION, Endpoints.CREDITOR, "debtor:d-1")) {
            StandaloneLedger.Answer refused = ledger.as(user).get("/actuator/prometheus");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.json().path("type").asText()).isEqualTo("urn:debt-ledger:problem:forbidden");
        }
        StandaloneLedger.Answer anonymous = ledger.as("").get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("type").asText()).isEqualTo("urn:debt-ledger:problem:unauthenticated");
        assertThat(scrape().names()).contains("ledger_commands_total");
    }

    @Test
    void everyMetricTheDashboardQueriesIsOneTheLedgerExportsAndEveryOneOfTheLedgersIsOnIt() throws IOException {
        Set<String> queried = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        dashboard.findValues("expr").forEach(expr -> queried.addAll(metricsIn(expr.asText())));
        assertThat(queried).contains("ledger_commands_total", "ledger_projection_lag_seconds");

        Set<String> exported = scrape().names();
        // the standalone ledger publishes to no Kafka; KafkaPublisherTest reads the gauge of one that does
        assertThat(exported).containsAll(queried.stream().filter(name -> !name.equals(KAFKA_PUBLISHER_LAG)).toList());
        assertThat(queried).contains(KAFKA_PUBLISHER_LAG);
        Set<String> ledgersOwn = new TreeSet<>();
        exported.stream().filter(name -> name.startsWith("ledger_")).map(MetricsTest::family).forEach(ledgersOwn::add);
        Set<String> onTheDashboard = new TreeSet<>();
        queried.stream().map(MetricsTest::family).forEach(onTheDashboard::add);
        assertThat(onTheDashboard).containsAll(ledgersOwn);
    }

    @Test
    void theMetricsOfAQueryAreItsSelectorsNotItsFunctionsLabelsOrRanges() {
        assertThat(metricsIn("sum by (kind) (increase(ledger_runs_seconds_sum{kind=\"bank_file\"}[$__range]))"
                + " / sum without (status) (rate(ledger_runs_seconds_count[5m])) > bool 0"))
                .containsExactlyInAnyOrder("ledger_runs_seconds_sum", "ledger_runs_seconds_count");
    }

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][\\w:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right");

    /** The metric names a PromQL expression selects: what is left once strings, matchers, ranges and groupings go. */
    static Set<String> metricsIn(String expression) {
        String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            if (!KEYWORDS.contains(identifier.group())) {
                names.add(identifier.group());
            }
        }
        return names;
    }

    /** A metric's family: a summary's count and sum are its parts. */
    private static String family(String name) {
        return name.replaceAll("_(count|sum)$", "");
    }
}
