package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.debtledger.audit.Channel;
import org.debtledger.contact.ContactChannel;
import org.debtledger.contact.ContactDirection;
import org.debtledger.contact.ContactId;
import org.debtledger.contact.ContactOutcome;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.debt.AdvisorId;
import org.debtledger.debt.Balance;
import org.debtledger.debt.CaseAssigned;
import org.debtledger.debt.ClaimAdjusted;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRecalled;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.debt.DueDateExtended;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeOutcome;
import org.debtledger.dispute.DisputeResolved;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.interest.InterestPosted;
import org.debtledger.interest.InterestSegment;
import org.debtledger.limitation.DebtTimeBarred;
import org.debtledger.limitation.LimitationApproaching;
import org.debtledger.money.Money;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;
import org.debtledger.pause.ResumeCause;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.BalanceRestated;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.Affordability;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.promise.PromiseToPayMade;
import org.debtledger.query.stream.PublishedLanguage;
import org.debtledger.query.stream.kafka.KafkaEventPublisher;
import org.debtledger.serialization.EventSerialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The public event stream as a downstream system uses it. */
class EventStreamTest {

    @TempDir
    static Path dataDirectory;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path APPROVED_PAGE = Path.of("src/test/resources/approved-public-events/page.json");

    /** The one creditor that allows its claims' descriptions to be published. */
    private static final String SHARES_DESCRIPTIONS = "open-telecom";

    private static StandaloneLedger ledger;

    @BeforeAll
    static void start() {
        ledger = StandaloneLedger.start(dataDirectory, "--ledger.stream.gap-timeout=3s",
                "--ledger.stream.max-lag=10", "--ledger.stream.heartbeat=1s",
                "--ledger.stream.publish-description-for=" + SHARES_DESCRIPTIONS);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    private static String register(String creditor, String principal) {
        return register(creditor, principal, "2025-02-15");
    }

    private static String register(String creditor, String principal, String dueDate) {
        String debt = "debt-" + UUID.randomUUID();
        ok("/api/v1/debts", """
                {"debtId": "%s", "creditorId": "%s", "debtorId": "d-1001", "invoiceReference": "INV-1",
                 "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"}, "description": "Broadband, January 2025",
                 "principal": {"amount": "%s", "currency": "EUR"}, "dueDate": "%s", "debtType": "CONSUMER",
                 "jurisdiction": "FI", "date": "2025-03-01"}""".formatted(debt, creditor, principal, dueDate));
        return debt;
    }

    private static JsonNode ok(String path, String body, String... headers) {
        StandaloneLedger.Answer answer = ledger.post(path, body, headers);
        assertThat(answer.status()).as(path + " " + answer).isBetween(200, 201);
        return answer.json();
    }

    private static String promise(String amount, String promisedFor) {
        return "{\"amount\": {\"amount\": \"" + amount + "\", \"currency\": \"EUR\"}, \"promisedFor\": \""
                + promisedFor + "\", \"channel\": \"ADVISOR_PHONE\", \"date\": \"2025-03-10\"}";
    }

    private static String pay(String id, String amount, String date) {
        return "{\"paymentId\": \"" + id + "\", \"amount\": {\"amount\": \"" + amount + "\", \"currency\": \"EUR\"},"
                + " \"valueDate\": \"" + date + "\", \"channel\": \"BANK_FILE\"}";
    }

    /** Pages up to the store's present head, waiting (boundedly) where the stream waits for a gap to settle. */
    private static List<JsonNode> allEvents(String query) {
        long head = ledger.database.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        List<JsonNode> events = new ArrayList<>();
        long[] after = {0};
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode page;
            do {
                page = ledger.get("/api/v1/events?after=" + after[0] + "&limit=50" + query).json();
                page.path("events").forEach(events::add);
                boolean progressed = page.path("next").asLong() != after[0];
                after[0] = page.path("next").asLong();
                if (!progressed) {
                    break;
                }
            } while (after[0] < head);
            return after[0] >= head;
        });
        return events;
    }

    /** Makes every kind of public event happen, across a few debts of their own creditor. */
    private static String everyKindOfEvent() {
        String creditor = "creditor-" + UUID.randomUUID();
        String planned = register(creditor, "100.00");
        ok("/api/v1/debts/" + planned + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}");
        ok("/api/v1/debts/" + planned + "/payment-plans", """
                {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "57.33", "currency": "EUR"}},
                                 {"dueDate": "2025-05-01", "amount": {"amount": "57.33", "currency": "EUR"}}],
                 "channel": "SELF_SERVICE", "date": "2025-03-10"}""");
        ok("/api/v1/debts/" + planned + "/payments", pay("RF-1", "57.33", "2025-03-31"));
        // ---- promises to pay: one kept by a payment, one broken by the close of business below
        String kept = register(creditor, "100.00");
        ok("/api/v1/debts/" + kept + "/promises", promise("50.00", "2025-03-20"));
        ok("/api/v1/debts/" + kept + "/payments", pay("RF-6", "50.00", "2025-03-20"));
        ok("/api/v1/debts/" + register(creditor, "100.00") + "/promises", promise("30.00", "2025-03-12"));
        ok("/api/v1/operations/close-of-business", "{\"businessDate\": \"2025-05-08\"}");

        String overpaid = register(creditor, "100.00");
        ok("/api/v1/debts/" + overpaid + "/fees", "{\"type\": \"DUE_DATE_EXTENSION\", \"extensionDays\": 13,"
                + " \"date\": \"2025-03-01\"}");
        ok("/api/v1/debts/" + overpaid + "/payments", pay("RF-2", "150.00", "2025-03-01"));
        ok("/api/v1/debts/" + overpaid + "/refunds", "{\"amount\": {\"amount\": \"49.60\", \"currency\": \"EUR\"},"
                + " \"reference\": \"refund-1\", \"date\": \"2025-03-05\"}");
        String backValued = register(creditor, "100.00");
        ok("/api/v1/debts/" + backValued + "/payments", pay("RF-4", "10.00", "2025-03-31"));
        ok("/api/v1/debts/" + backValued + "/payments", pay("RF-5", "10.00", "2025-03-20"));
        String reversed = register(creditor, "100.00");
        ok("/api/v1/debts/" + reversed + "/payments", pay("RF-3", "20.00", "2025-03-10"));
        ok("/api/v1/debts/" + reversed + "/payments/RF-3/reversal", "{\"reason\": \"returned\", \"date\": \"2025-03-12\"}");

        String disputed = register(creditor, "100.00");
        ok("/api/v1/debts/" + disputed + "/pause", "{\"reason\": \"COUNSELLING\", \"from\": \"2025-03-05\", \"until\": \"2025-05-20\"}");
        ok("/api/v1/debts/" + disputed + "/resume", "{\"date\": \"2025-04-01\"}");
        ok("/api/v1/debts/" + disputed + "/disputes", "{\"reason\": \"one month not delivered\", \"date\": \"2025-04-02\"}");
        ok("/api/v1/debts/" + disputed + "/disputes/resolution", "{\"outcome\": \"UPHELD\", \"adjustment\": "
                + "{\"amount\": \"10.00\", \"currency\": \"EUR\"}, \"date\": \"2025-04-03\"}");
        ok("/api/v1/debts/" + register(creditor, "100.00") + "/write-off", "{\"reason\": \"uncollectable\", \"date\": \"2025-03-02\"}");
        ok("/api/v1/debts/" + register(creditor, "100.00") + "/recall", "{\"reason\": \"paid directly\", \"date\": \"2025-03-02\"}");
        // claims that fell due long ago: one time-barred after 1 November 2026, one announced 90 days before 2027
        register(creditor, "100.00", "2023-11-01");
        register(creditor, "100.00", "2024-01-01");
        ok("/api/v1/operations/close-of-business", "{\"businessDate\": \"2026-11-02\"}");
        return creditor;
    }

    @Test
    void everyEventTheLedgerEmitsValidatesAgainstItsPublishedSchema() throws Exception {
        String creditor = everyKindOfEvent();
        List<JsonNode> events = allEvents("&creditorId=" + creditor);

        Set<String> seen = new HashSet<>();
        for (JsonNode event : events) {
            assertThat(schemaProblems(event)).as(event.toString()).isEmpty();
            seen.add(event.path("type").asText());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(PublishedLanguage.TYPES);
        assertThat(events.toString()).doesNotContain("one month not delivered").doesNotContain("COUNSELLING")
                .doesNotContain("returned");
    }

    /** What the event's type's published schema finds wrong with it. */
    private static Set<ValidationMessage> schemaProblems(JsonNode event) throws Exception {
        String type = event.path("type").asText();
        try (InputStream schema = EventStreamTest.class.getResourceAsStream("/public-events/" + type + ".v1.schema.json")) {
            assertThat(schema).as("a schema for " + type).isNotNull();
            JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            return validator.validate(event);
        }
    }

    /** The payload of the debt's registration, as the stream tells it. */
    private static JsonNode registrationPayload(String debt) {
        List<JsonNode> registered = allEvents("&debtId=" + debt + "&types=debt.registered");
        assertThat(registered).hasSize(1);
        return registered.get(0).path("payload");
    }

    @Test
    void aClaimsDescriptionIsPublishedOnlyForACreditorThatAllowsIt() throws Exception {
        String kept = register("creditor-" + UUID.randomUUID(), "100.00");
        String shared = register(SHARES_DESCRIPTIONS, "100.00");

        JsonNode keptPayload = registrationPayload(kept);
        assertThat(keptPayload.has("description")).as(keptPayload.toString()).isFalse();
        assertThat(keptPayload.path("invoiceReference").asText()).isEqualTo("INV-1");
        assertThat(registrationPayload(shared).path("description").asText()).isEqualTo("Broadband, January 2025");
        for (JsonNode event : allEvents("&types=debt.registered&creditorId=" + SHARES_DESCRIPTIONS)) {
            assertThat(schemaProblems(event)).as(event.toString()).isEmpty();
        }
        // the description is kept in the ledger all the same, for the staff who work the case
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ledger.as("advisor")
                .get("/api/v1/debts/" + kept).json().path("description").asText()).isEqualTo("Broadband, January 2025"));
    }

    @Test
    void reasonsGivenInABodyOrAsXReasonAreStoredForStaffAndNeverPublished() {
        // even for a creditor whose descriptions are published
        String debt = register(SHARES_DESCRIPTIONS, "100.00");
        ok("/api/v1/debts/" + debt + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}",
                "X-Reason", "sent while the debtor was in hospital");
        ok("/api/v1/debts/" + debt + "/payments", pay("RF-why", "20.00", "2025-03-06"),
                "X-Reason", "paid by her sister");
        ok("/api/v1/debts/" + debt + "/pause", "{\"reason\": \"COUNSELLING\", \"from\": \"2025-03-07\","
                + " \"until\": \"2025-05-20\"}");
        ok("/api/v1/debts/" + debt + "/resume", "{\"date\": \"2025-03-20\"}", "X-Reason", "counsellor's plan arrived");
        ok("/api/v1/debts/" + debt + "/disputes", "{\"reason\": \"the invoice names her late husband\","
                + " \"date\": \"2025-03-21\"}");
        ok("/api/v1/debts/" + debt + "/disputes/resolution", "{\"outcome\": \"REJECTED\", \"date\": \"2025-03-22\"}");
        long last = ok("/api/v1/debts/" + debt + "/write-off", "{\"reason\": \"the debtor is bankrupt\","
                + " \"date\": \"2025-03-23\"}").path("position").asLong();
        List<String> reasons = List.of("sent while the debtor was in hospital", "paid by her sister",
                "counsellor's plan arrived", "the invoice names her late husband", "the debtor is bankrupt");

        // the timeline may answer 503 while it catches up on a busy machine
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String history = ledger.get("/api/v1/debts/" + debt + "/history?minPosition=" + last).response().body();
            assertThat(reasons).allMatch(history::contains);
        });
        List<JsonNode> published = allEvents("&debtId=" + debt);
        assertThat(published).extracting(event -> event.path("type").asText()).contains("fee.charged",
                "payment.received", "collection.paused", "collection.resumed", "debt.disputed", "dispute.resolved",
                "debt.written-off");
        assertThat(reasons).noneMatch(published.toString()::contains);
    }

    @Test
    void aLedgerPublishesToKafkaOnlyWhenConfiguredTo() {
        assertThat(ledger.context.getBeanNamesForType(KafkaEventPublisher.class)).isEmpty();
    }

    @Test
    void eventsComeInPositionOrderAndPerDebtInSequenceAndReAskingGivesTheSameIds() {
        String creditor = everyKindOfEvent();
        List<JsonNode> events = allEvents("&creditorId=" + creditor);
        long last = 0;
        Map<String, Long> sequences = new HashMap<>();
        for (JsonNode event : events) {
            assertThat(event.path("position").asLong()).isGreaterThan(last);
            last = event.path("position").asLong();
            Long previous = sequences.put(event.path("debtId").asText(), event.path("sequenceNumber").asLong());
            if (previous != null) {
                assertThat(event.path("sequenceNumber").asLong()).isGreaterThan(previous);
            }
        }
        assertThat(allEvents("&creditorId=" + creditor)).isEqualTo(events);
        List<JsonNode> payments = allEvents("&creditorId=" + creditor + "&types=payment.received,payment.reversed");
        assertThat(payments).extracting(event -> event.path("type").asText())
                .containsOnly("payment.received", "payment.reversed").hasSize(7);
        assertThat(ledger.get("/api/v1/events?types=debt.exploded").status()).isEqualTo(400);
    }

    private static DebtRegistered registered(DebtId debt) {
        return new DebtRegistered(debt, new CreditorId("acme-telecom"), new DebtorId("d-1001"), "INV-2025-0042",
                new InvoicePeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31")),
                "Broadband, January 2025", eur("100.00"), LocalDate.parse("2025-02-15"), DebtType.CONSUMER,
                Jurisdiction.FI, false, LocalDate.parse("2025-03-01"));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** Appends an event as the command side stores it, answering its position. */
    private static long append(Connection connection, DebtEvent event, long sequenceNumber, String eventId,
                               String recordedAt) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, ?, 'Debt', ?, ?, ?, '1', ?, ?) RETURNING globalindex""")) {
            insert.setString(1, event.debtId().value());
            insert.setLong(2, sequenceNumber);
            insert.setString(3, eventId);
            insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, EventSerialization.objectMapper().writeValueAsBytes(event));
            insert.setString(6, event.getClass().getName());
            insert.setString(7, recordedAt);
            try (ResultSet position = insert.executeQuery()) {
                position.next();
                return position.getLong(1);
            }
        }
    }

    /** A debt's registration appended on the connection, in its transaction if one is open; its position. */
    static long insertRegistration(Connection connection, String debtId) throws Exception {
        return append(connection, registered(new DebtId(debtId)), 0, UUID.randomUUID().toString(),
                Instant.now().toString());
    }

    @Test
    void everyEventNamesItsDebtsCreditorThoughTheRegistrationLiesOnAnEarlierPage() {
        String ours = "creditor-" + UUID.randomUUID();
        String theirs = "creditor-" + UUID.randomUUID();
        List<String> debts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            debts.add(register(ours, "100.00"));
            debts.add(register(theirs, "100.00"));
        }
        long registered = ledger.database.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        for (String debt : debts) {
            ok("/api/v1/debts/" + debt + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}");
        }
        Map<String, String> creditorOf = new HashMap<>();
        for (int i = 0; i < debts.size(); i++) {
            creditorOf.put(debts.get(i), i % 2 == 0 ? ours : theirs);
        }

        // read after every registration: no creditor can come from a registration on the page
        JsonNode fees = ledger.get("/api/v1/events?after=" + registered + "&limit=100&types=fee.charged").json()
                .path("events");
        assertThat(fees).hasSize(6).allSatisfy(fee -> assertThat(fee.path("creditorId").asText())
                .isEqualTo(creditorOf.get(fee.path("debtId").asText())));
        JsonNode ourFees = ledger.get("/api/v1/events?after=" + registered + "&limit=100&types=fee.charged&creditorId="
                + ours)
                .json().path("events");
        assertThat(ourFees).extracting(fee -> fee.path("debtId").asText())
                .containsExactly(debts.get(0), debts.get(2), debts.get(4));

        // a page an event: each debt's fee and its letter come pages after its registration
        List<JsonNode> ourEvents = new ArrayList<>();
        long after = registered - debts.size();
        while (after < registered + 2L * debts.size()) {
            JsonNode page = ledger.get("/api/v1/events?after=" + after + "&limit=1&creditorId=" + ours).json();
            page.path("events").forEach(ourEvents::add);
            after = page.path("next").asLong();
        }
        assertThat(ourEvents).extracting(event -> event.path("type").asText() + " " + event.path("debtId").asText())
                .containsExactly("debt.registered " + debts.get(0), "debt.registered " + debts.get(2),
                        "debt.registered " + debts.get(4), "fee.charged " + debts.get(0),
                        "contact.recorded " + debts.get(0), "fee.charged " + debts.get(2),
                        "contact.recorded " + debts.get(2), "fee.charged " + debts.get(4),
                        "contact.recorded " + debts.get(4));
    }

    /** One stored event of every kind, the unpublished one among them, for one debt. */
    private static List<DebtEvent> everyStoredKind(DebtId debt) {
        LocalDate day = LocalDate.parse("2025-03-05");
        Allocation allocation = new Allocation(eur("14.00"), eur("0.66"), eur("5.34"), eur("0.00"));
        List<InstalmentPayment> instalments = List.of(new InstalmentPayment(1, eur("20.00")));
        Balance balance = new Balance(eur("14.00"), eur("0.66"), eur("94.66"));
        return List.of(
                registered(debt),
                new FeeCharged(debt, FeeType.DUE_DATE_EXTENSION, eur("5.00"), eur("5.00"), 14, day),
                new InterestPosted(debt, eur("0.66"), LocalDate.parse("2025-02-16"), List.of(new InterestSegment(
                        LocalDate.parse("2025-02-16"), LocalDate.parse("2025-03-10"), 23, eur("100.00"), 1050)),
                        LocalDate.parse("2025-03-10")),
                new PaymentPlanAgreed(debt, 1, List.of(new Instalment(LocalDate.parse("2025-04-01"), eur("57.33")),
                        new Instalment(LocalDate.parse("2025-05-01"), eur("57.33"))), Channel.SELF_SERVICE,
                        new Affordability(eur("1800.00"), eur("1500.00")), null, true, day),
                new PaymentReceived(debt, new PaymentId("RF18539007547034-1"), eur("20.00"), Channel.BANK_FILE,
                        allocation, instalments, day),
                new InstalmentMissed(debt, 1, 2, LocalDate.parse("2025-05-01"), eur("57.33"), LocalDate.parse("2025-05-08")),
                new PaymentPlanBroken(debt, 1, 2, LocalDate.parse("2025-06-08")),
                new PaymentReversed(debt, new PaymentId("RF18539007547034-1"), eur("20.00"), allocation, instalments,
                        "returned by the bank", day),
                new CreditRefunded(debt, eur("49.60"), "refund-1", day),
                new CollectionPaused(debt, PauseReason.BREATHING_SPACE, LocalDate.parse("2025-05-03"),
                        new LinkedHashSet<>(List.of(Freeze.INTEREST, Freeze.FEES, Freeze.CONTACT)), day),
                new CollectionResumed(debt, PauseReason.BREATHING_SPACE, ResumeCause.PAUSE_ENDED,
                        LocalDate.parse("2025-05-04")),
                new DebtDisputed(debt, "never ordered", day),
                new DisputeResolved(debt, DisputeOutcome.UPHELD, day),
                new ClaimAdjusted(debt, eur("40.00"), "dispute upheld in part", day),
                new CaseAssigned(debt, new AdvisorId("advisor-7"), day),
                new DebtSettled(debt, day),
                new DebtWrittenOff(debt, balance, "uncollectable", day),
                new DebtRecalled(debt, balance, "creditor settled directly", day),
                new DueDateExtended(debt, LocalDate.parse("2025-02-15"), LocalDate.parse("2025-03-01"), 14,
                        LocalDate.parse("2025-02-16"), day),
                new LimitationApproaching(debt, LocalDate.parse("2028-02-15"), LocalDate.parse("2027-11-17")),
                new DebtTimeBarred(debt, LocalDate.parse("2028-02-15"), LocalDate.parse("2028-02-16")),
                new BalanceRestated(debt, new PaymentId("RF18539007547034-2"), eur("0.00"), eur("-0.04"),
                        eur("0.00"), eur("0.00"), LocalDate.parse("2025-03-20")),
                // ---- promises to pay
                new PromiseToPayMade(debt, 1, eur("50.00"), LocalDate.parse("2025-03-20"),
                        LocalDate.parse("2025-03-22"), Channel.ADVISOR_PHONE, day),
                new PromiseKept(debt, 1, eur("50.00"), eur("50.00"), LocalDate.parse("2025-03-19")),
                new PromiseBroken(debt, 2, eur("30.00"), eur("12.50"), LocalDate.parse("2025-04-03")),
                // ---- the contact log
                new ContactRecorded(debt, new DebtorId("d-1001"), new ContactId("call-1"), ContactDirection.OUTBOUND,
                        ContactChannel.PHONE, ContactOutcome.CALL_BACK_REQUESTED, day));
    }

    /** The page's positions counted from {@code offset}, so that it reads the same in any store. */
    private static String positionsAfter(String page, long offset) {
        return Pattern.compile("\"(position|next)\":(\\d+)").matcher(page).replaceAll(found ->
                "\"" + found.group(1) + "\":" + (Long.parseLong(found.group(2)) - offset));
    }

    /**
     * Pins the published language: a page of every kind of event, with the fields, values and order a consumer
     * sees. A change here is a new version of a public event, not a new approved file. A missing file is written
     * for review and the test fails.
     */
    @Test
    void thePublishedJsonOfEveryKindOfEventIsAsApproved() throws Exception {
        List<DebtEvent> history = everyStoredKind(new DebtId("published-json"));
        long first = 0;
        try (Connection connection = ledger.context.getBean(DataSource.class).getConnection()) {
            for (int i = 0; i < history.size(); i++) {
                // as Axon records the time, to the millisecond; a whole second among them
                long position = append(connection, history.get(i), i, "published-json-" + i,
                        "2025-03-05T10:15:%02d.%03dZ".formatted(i, i * 125 % 1000));
                first = i == 0 ? position : first;
            }
        }
        StandaloneLedger.Answer answer = ledger.get("/api/v1/events?debtId=published-json&limit=100&after=" + (first - 1));
        assertThat(answer.status()).isEqualTo(200);
        // printed with indents for review; the fields keep the answer's order
        String page = JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(JSON.readTree(positionsAfter(answer.response().body(), first - 1))) + "\n";
        if (!Files.exists(APPROVED_PAGE)) {
            Files.createDirectories(APPROVED_PAGE.getParent());
            Files.writeString(APPROVED_PAGE, page);
            throw new AssertionError("wrote " + APPROVED_PAGE + " for review; commit it to approve it");
        }
        assertThat(page).isEqualTo(Files.readString(APPROVED_PAGE));
    }

    @Test
    void aPositionCommittedAfterAHigherOneIsNeverSkipped() throws Exception {
        DataSource database = ledger.context.getBean(DataSource.class);
        try (Connection slow = database.getConnection(); Connection fast = database.getConnection()) {
            slow.setAutoCommit(false);
            long eleven = insertRegistration(slow, "slow-" + UUID.randomUUID());
            long twelve = insertRegistration(fast, "fast-" + UUID.randomUUID());
            assertThat(twelve).isGreaterThan(eleven);

            JsonNode page = ledger.get("/api/v1/events?after=" + (eleven - 1) + "&limit=10").json();
            assertThat(page.path("events")).as("nothing past a position that may still commit").isEmpty();
            assertThat(page.path("next").asLong()).isEqualTo(eleven - 1);

            slow.commit();
            JsonNode after = ledger.get("/api/v1/events?after=" + (eleven - 1) + "&limit=10").json();
            assertThat(after.path("events").findValuesAsText("position"))
                    .startsWith(Long.toString(eleven), Long.toString(twelve));
        }
    }

    @Test
    void aRolledBackPositionIsPassedOnceNothingCanFillIt() throws Exception {
        DataSource database = ledger.context.getBean(DataSource.class);
        long hole;
        long after;
        try (Connection aborted = database.getConnection(); Connection committed = database.getConnection()) {
            aborted.setAutoCommit(false);
            hole = insertRegistration(aborted, "aborted-" + UUID.randomUUID());
            after = insertRegistration(committed, "committed-" + UUID.randomUUID());
            aborted.rollback();
        }
        List<String> positions = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> ledger.get("/api/v1/events?after=" + (hole - 1) + "&limit=10").json()
                        .path("events").findValuesAsText("position"), seen -> seen.contains(Long.toString(after)));
        assertThat(positions).doesNotContain(Long.toString(hole));
    }

    @Test
    void aSubscriberResumesAfterTheLastEventIdItSaw() throws Exception {
        String creditor = "creditor-" + UUID.randomUUID();
        String debt = register(creditor, "100.00");
        // the command answers the position of its last event: the demand's letter, after its fee
        long letterAt = ok("/api/v1/debts/" + debt + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}")
                .path("position").asLong();
        HttpRequest request = ledger.request("/api/v1/events/stream?creditorId=" + creditor)
                .header("Last-Event-ID", Long.toString(letterAt - 1)).timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("id:" + letterAt);
            assertThat(lines.readLine()).isEqualTo("event:contact.recorded");
            assertThat(lines.readLine()).startsWith("data:").contains("\"channel\":\"LETTER\"").contains(debt);
        }
    }

    private static List<String> firstLines(String path, String lastEventId, int count) throws Exception {
        HttpRequest.Builder request = ledger.request(path).timeout(Duration.ofSeconds(20)).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while (lines.size() < count && (line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void anIdleSubscriberGetsHeartbeats() throws Exception {
        long head = ledger.database.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        assertThat(firstLines("/api/v1/events/stream?creditorId=nobody", Long.toString(head), 1))
                .containsExactly(":heartbeat");
    }

    @Test
    void aSubscriberTooFarBehindIsToldSoAndDisconnected() throws Exception {
        everyKindOfEvent();
        List<String> lines = firstLines("/api/v1/events/stream", "0", 3);
        assertThat(lines.get(0)).isEqualTo("event:error");
        assertThat(lines.get(1)).startsWith("data:").contains("too-slow").contains("resume by paging from 0");
    }
}
