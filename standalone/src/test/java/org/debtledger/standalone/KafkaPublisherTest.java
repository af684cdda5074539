package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.debtledger.query.stream.PublicStreamPages;
import org.debtledger.query.stream.kafka.KafkaClients;
import org.debtledger.query.stream.kafka.KafkaEventPublisher;
import org.debtledger.query.stream.kafka.KafkaPublishing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.ProducerPostProcessor;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.debtledger.standalone.Endpoints.OPERATOR;
import static org.awaitility.Awaitility.await;

/**
 * The public stream published to a real Kafka broker (KRaft, in this JVM, on loopback), as a read_committed consumer
 * sees it: every event once, in order for each debt, through a publisher's crash, a late commit and a takeover.
 */
class KafkaPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;

    private static EmbeddedKafkaKraftBroker broker;
    private static StandaloneLedger ledger;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        // one partition for each of the broker's own topics, made at the first transaction and the first group
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1", "transaction.state.log.num.partitions", "1",
                "offsets.topic.num.partitions", "1"));
        broker.afterPropertiesSet();
        ledger = StandaloneLedger.start(directory, "--ledger.kafka.enabled=true",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--ledger.kafka.batch-size=5",
                "--ledger.kafka.takeover-interval=200ms");
    }

    /** The broker stops after the ledger, whose publisher and processors would otherwise hold the JVM's exit. */
    @AfterAll
    static void stop() {
        try {
            if (ledger != null) {
                ledger.close();
            }
        } finally {
            if (broker != null) {
                broker.destroy();
            }
        }
    }

    // ---- a walk-through of a few debts, a step at a time

    private static List<String> registerDebts(int count) {
        String creditor = "creditor-" + UUID.randomUUID();
        List<String> debts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String debt = "debt-" + UUID.randomUUID();
            ok("/api/v1/debts", """
                    {"debtId": "%s", "creditorId": "%s", "debtorId": "d-%d", "invoiceReference": "INV-%d",
                     "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"}, "description": "Broadband",
                     "principal": {"amount": "100.00", "currency": "EUR"}, "dueDate": "2025-02-15",
                     "debtType": "CONSUMER", "jurisdiction": "FI", "date": "2025-03-01"}"""
                    .formatted(debt, creditor, i, i));
            debts.add(debt);
        }
        return debts;
    }

    /** A demand (its fee and its letter) and a first payment, on each debt. */
    private static void demandAndPay(List<String> debts) {
        for (String debt : debts) {
            ok("/api/v1/debts/" + debt + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}");
            ok("/api/v1/debts/" + debt + "/payments", payment("RF-1", "20.00", "2025-03-10"));
        }
    }

    /** A promise to pay, kept by a payment, on each debt. */
    private static void promiseAndKeep(List<String> debts) {
        for (String debt : debts) {
            ok("/api/v1/debts/" + debt + "/promises", "{\"amount\": {\"amount\": \"30.00\", \"currency\": \"EUR\"},"
                    + " \"promisedFor\": \"2025-03-20\", \"channel\": \"ADVISOR_PHONE\", \"date\": \"2025-03-10\"}");
            ok("/api/v1/debts/" + debt + "/payments", payment("RF-2", "30.00", "2025-03-20"));
        }
    }

    private static void reverseFirstPayment(List<String> debts) {
        for (String debt : debts) {
            ok("/api/v1/debts/" + debt + "/payments/RF-1/reversal", "{\"reason\": \"returned\", \"date\": \"2025-03-25\"}");
        }
    }

    private static String payment(String id, String amount, String valueDate) {
        return "{\"paymentId\": \"" + id + "\", \"amount\": {\"amount\": \"" + amount + "\", \"currency\": \"EUR\"},"
                + " \"valueDate\": \"" + valueDate + "\", \"channel\": \"BANK_FILE\"}";
    }

    private static void ok(String path, String body) {
        StandaloneLedger.Answer answer = ledger.post(path, body);
        assertThat(answer.status()).as(path + " " + answer).isBetween(200, 201);
    }

    // ---- what was published, and what the HTTP stream says should have been

    /** The debt's events as the HTTP stream gives them. */
    private static List<JsonNode> httpEvents(String debt) {
        List<JsonNode> events = new ArrayList<>();
        ledger.get("/api/v1/events?limit=1000&debtId=" + debt).json().path("events").forEach(events::add);
        return events;
    }

    /** Each debt's records on the topic, in the order a consumer reads them. */
    private static Map<String, List<ConsumerRecord<String, String>>> recordsOf(String topic, List<String> debts) {
        Map<String, List<ConsumerRecord<String, String>>> byDebt = new LinkedHashMap<>();
        debts.forEach(debt -> byDebt.put(debt, new ArrayList<>()));
        for (ConsumerRecord<String, String> record : CommittedRecords.of(broker.getBrokersAsString(), topic)) {
            if (byDebt.containsKey(record.key())) {
                byDebt.get(record.key()).add(record);
            }
        }
        return byDebt;
    }

    /** Every debt's events are on the topic once each, in the stream's order. */
    private static void assertEveryEventOnceInOrder(String topic, List<String> debts) {
        Map<String, List<ConsumerRecord<String, String>>> published = recordsOf(topic, debts);
        for (String debt : debts) {
            List<Long> expected = httpEvents(debt).stream().map(event -> event.path("position").asLong()).toList();
            assertThat(expected).as(debt).hasSizeGreaterThan(1);
            assertThat(published.get(debt)).extracting(CommittedRecords::position).as(debt)
                    .containsExactlyElementsOf(expected);
        }
    }

    // ---- publishers as further processes would start them, each on its own topic and transactional id

    private static KafkaEventPublisher publisher(String topic, ProducerPostProcessor<String, byte[]> producers) {
        Map<String, Object> brokers = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        KafkaClients clients = KafkaClients.of(brokers, brokers, brokers, topic + "-publisher");
        if (producers != null) {
            clients.producers().addPostProcessor(producers);
        }
        return new KafkaEventPublisher(ledger.context.getBean(PublicStreamPages.class),
                ledger.context.getBean(DataSource.class), clients,
                ledger.context.getBean(KafkaPublishing.class).to(topic, topic + "-publisher"));
    }

    private static void awaitCaughtUp(KafkaEventPublisher publisher) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> publisher.lag() == 0);
    }

    /** Ends the database session of the publisher holding the lock for {@code topic}, as its process's death would. */
    private static void endLockSession(String topic) {
        List<Boolean> ended = ledger.database.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = :name")
                .param("name", "kafka-publisher:" + topic + "-publisher").query(Boolean.class).list();
        assertThat(ended).containsExactly(true);
    }

    /** Short enough that the lock's session name, {@code kafka-publisher:<topic>-publisher}, is not cut. */
    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- the tests

    @Test
    void theLedgerPublishesEachEventKeyedByItsDebtWithItsPositionTypeAndVersionAsTheHttpStreamTellsIt()
            throws Exception {
        List<String> debts = registerDebts(2);
        demandAndPay(debts);
        KafkaEventPublisher publisher = ledger.context.getBean(KafkaEventPublisher.class);
        awaitCaughtUp(publisher);
        StandaloneLedger.Answer scraped = ledger.as(OPERATOR).get("/actuator/prometheus");
        assertThat(scraped.status()).as(scraped.toString()).isEqualTo(200);
        assertThat(new Scrape(scraped.response().body()).value("ledger_kafka_publisher_lag_events")).contains(0.0);

        Map<String, List<ConsumerRecord<String, String>>> published = recordsOf(KafkaPublishing.DEFAULT_TOPIC, debts);
        for (String debt : debts) {
            List<JsonNode> expected = httpEvents(debt);
            List<ConsumerRecord<String, String>> records = published.get(debt);
            assertThat(records).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                JsonNode event = expected.get(i);
                ConsumerRecord<String, String> record = records.get(i);
                assertThat(JSON.readTree(record.value())).isEqualTo(event);
                assertThat(CommittedRecords.header(record, "position")).isEqualTo(event.path("position").asText());
                assertThat(CommittedRecords.header(record, "event-type")).isEqualTo(event.path("type").asText());
                assertThat(CommittedRecords.header(record, "schema-version")).isEqualTo("1");
            }
            assertThat(records).extracting(record -> CommittedRecords.header(record, "event-type"))
                    .startsWith("debt.registered", "fee.charged");
        }
        assertEveryEventOnceInOrder(KafkaPublishing.DEFAULT_TOPIC, debts);
        theConsoleConsumerOfTheDocsShows(debts);
    }

    /** The README's console consumer, run as a process with its arguments, shows each event with its headers. */
    private static void theConsoleConsumerOfTheDocsShows(List<String> debts) throws Exception {
        int count = CommittedRecords.of(broker.getBrokersAsString(), KafkaPublishing.DEFAULT_TOPIC).size();
        Path output = directory.resolve("console-consumer.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.consumer.ConsoleConsumer"));
        command.addAll(readmeConsoleConsumerArguments().stream()
                .map(argument -> argument.equals("localhost:9092") ? broker.getBrokersAsString() : argument).toList());
        // it stops once it has shown every event, rather than waiting for more
        command.addAll(List.of("--max-messages", Integer.toString(count), "--timeout-ms", "30000"));
        Process consumer = new ProcessBuilder(command)
                .redirectOutput(output.toFile()).redirectError(directory.resolve("console-consumer.err").toFile())
                .start();
        assertThat(consumer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(output).stream().filter(line -> line.startsWith("position:")).toList();
        assertThat(lines).hasSize(count);
        for (String debt : debts) {
            JsonNode registered = httpEvents(debt).get(0);
            assertThat(lines).contains("position:" + registered.path("position").asText()
                    + ",event-type:debt.registered,schema-version:1\t" + debt + "\t"
                    + JSON.writeValueAsString(registered));
        }
    }

    /** The arguments of the README's {@code kafka-console-consumer.sh} example, its line continuations joined. */
    private static List<String> readmeConsoleConsumerArguments() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("kafka-console-consumer.sh ");
        assertThat(start).as("the README's console consumer example").isPositive();
        String example = readme.substring(start, readme.indexOf("\n```", start)).replace("\\\n", " ");
        List<String> words = List.of(example.trim().split("\\s+"));
        return words.subList(1, words.size());
    }

    @Test
    void aPublisherKilledMidTransactionIsFollowedByAFreshOneAndEveryEventArrivesOnceInOrder() throws Exception {
        String topic = "crash." + shortId();
        StalledCommit stall = new StalledCommit();
        KafkaEventPublisher first = publisher(topic, stall);
        KafkaEventPublisher second = publisher(topic, null);
        try {
            first.start();
            List<String> debts = registerDebts(3);
            demandAndPay(debts);
            awaitCaughtUp(first);

            // the next batch is sent but never committed: its process dies before the commit, its session with it
            stall.armed = true;
            promiseAndKeep(debts);
            assertThat(stall.stalled.await(30, TimeUnit.SECONDS)).isTrue();
            endLockSession(topic);

            second.start();
            await().atMost(Duration.ofSeconds(30)).until(second::publishing);
            awaitCaughtUp(second);
            // the first wakes as a zombie: its commit is refused, as the second fenced it
            stall.released.countDown();
            reverseFirstPayment(debts);
            awaitCaughtUp(second);
            await().atMost(Duration.ofSeconds(30)).until(() -> !first.publishing());

            assertEveryEventOnceInOrder(topic, debts);
        } finally {
            stall.released.countDown();
            first.stop();
            second.stop();
        }
    }

    @Test
    void anEventCommittedAfterAHigherPositionIsPublished() throws Exception {
        String topic = "late." + shortId();
        KafkaEventPublisher publisher = publisher(topic, null);
        try {
            publisher.start();
            await().atMost(Duration.ofSeconds(30)).until(publisher::publishing);
            awaitCaughtUp(publisher);
            String slowDebt = "slow-" + UUID.randomUUID();
            String fastDebt = "fast-" + UUID.randomUUID();
            DataSource database = ledger.context.getBean(DataSource.class);
            try (Connection slow = database.getConnection(); Connection fast = database.getConnection()) {
                slow.setAutoCommit(false);
                long eleven = EventStreamTest.insertRegistration(slow, slowDebt);
                long twelve = EventStreamTest.insertRegistration(fast, fastDebt);
                assertThat(twelve).isGreaterThan(eleven);
                // the publisher waits before the position still in flight: nothing past it is published
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                        .until(() -> publisher.lag() >= twelve - eleven + 1);
                slow.commit();
            }
            awaitCaughtUp(publisher);
            Map<String, List<ConsumerRecord<String, String>>> published = recordsOf(topic, List.of(slowDebt, fastDebt));
            assertThat(published.get(slowDebt)).hasSize(1);
            assertThat(published.get(fastDebt)).hasSize(1);
        } finally {
            publisher.stop();
        }
    }

    @Test
    void aSecondPublisherWaitsWhileTheFirstHoldsTheLockAndTakesOverWhenItGoes() {
        String topic = "failover." + shortId();
        KafkaEventPublisher first = publisher(topic, null);
        KafkaEventPublisher second = publisher(topic, null);
        try {
            first.start();
            await().atMost(Duration.ofSeconds(30)).until(first::publishing);
            second.start();
            List<String> debts = registerDebts(2);
            demandAndPay(debts);
            awaitCaughtUp(first);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> !second.publishing());

            first.stop();
            await().atMost(Duration.ofSeconds(30)).until(second::publishing);
            promiseAndKeep(debts);
            awaitCaughtUp(second);
            assertThat(first.publishing()).isFalse();

            assertEveryEventOnceInOrder(topic, debts);
        } finally {
            first.stop();
            second.stop();
        }
    }
}
