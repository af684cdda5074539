package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.debtledger.query.access.AccessLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import javax.sql.DataSource;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.debtledger.standalone.Endpoints.ADVISOR;
import static org.debtledger.standalone.Endpoints.COMPLIANCE;
import static org.debtledger.standalone.Endpoints.CREDITOR;

/**
 * Who may do what: every endpoint against every role and against no credentials; a creditor sees only its own;
 * reads of a debtor's data land in the access log; personal data is kept encrypted apart from the events and an
 * erasure leaves it unreadable while the ledger stays whole.
 */
class AccessControlTest {

    @TempDir
    static Path dataDirectory;

    private static StandaloneLedger ledger;
    private static final String DEBTOR = "d-" + UUID.randomUUID();
    private static String acmeDebt;
    private static String otherDebt;

    @BeforeAll
    static void start() {
        ledger = StandaloneLedger.start(dataDirectory);
        acmeDebt = register("acme-telecom", DEBTOR);
        otherDebt = register("other-energy", DEBTOR);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    /** A new debt, once the debt view shows it. */
    private static String register(String creditor, String debtor) {
        String debtId = "debt-" + UUID.randomUUID();
        StandaloneLedger.Answer answer = ledger.as(ADVISOR).post("/api/v1/debts", Endpoints.REGISTRATION
                .replace("{newDebtId}", debtId).replace("{debtorId}", debtor).replace("acme-telecom", creditor));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(ledger.as(ADVISOR).get("/api/v1/debts/" + debtId + "?minPosition="
                + answer.json().path("position").asLong()).status()).isEqualTo(200);
        return debtId;
    }

    @Test
    void theCatalogueNamesEveryEndpointOfTheApiAndOfTheActuatorButTheHealthProbe() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : ledger.context
                .getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                for (String path : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method + " " + path));
                }
            }
        }
        // the health probe is open to all: theHealthProbeIsOpenAndAnUnknownPathIsUnknown
        mapped.removeIf(endpoint -> !endpoint.contains(" /api/")
                && !(endpoint.contains(" /actuator/") && !endpoint.contains(" /actuator/health")));
        Set<String> catalogued = Endpoints.ALL.stream().map(endpoint -> endpoint.method() + " " + endpoint.path())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(catalogued).isEqualTo(mapped);
    }

    @Test
    void everyEndpointAgainstEveryRoleAndNoCredentials() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoints.Endpoint endpoint : Endpoints.ALL) {
            String path = endpoint.pathFor(acmeDebt, DEBTOR, "RF-matrix").replace("{name}", "no-such-projection")
                    .replace("{id}", "0") + endpoint.query();
            String body = endpoint.validBody() == null ? null : endpoint.validBody()
                    .replace("{newDebtId}", "debt-" + UUID.randomUUID()).replace("{debtorId}", DEBTOR)
                    .replace("{paymentId}", "RF-matrix");
            if (endpoint.allowed().contains(Endpoints.ANYONE)) {
                continue; // the sign-in answers by the code it is given, whoever asks: SelfServiceAccessTest
            }
            List<String> callers = new ArrayList<>(Endpoints.USERS);
            callers.add("");
            for (String caller : callers) {
                int status = status(ledger.as(caller.replace("{debtorId}", DEBTOR)), endpoint, path, body);
                boolean allowed = endpoint.allowed().contains(caller);
                int refused = caller.isEmpty() ? 401 : 403;
                if (allowed ? status == 401 || status == 403 || status >= 500 : status != refused) {
                    wrong.add(endpoint.method() + " " + path + " as '" + caller + "': " + status + ", expected "
                            + (allowed ? "allowed" : refused));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static int status(StandaloneLedger as, Endpoints.Endpoint endpoint, String path, String body)
            throws Exception {
        if (!endpoint.stream()) {
            return as.send(endpoint.method(), path, body, endpoint.contentTypeHeader()).status();
        }
        HttpRequest request = as.request(path).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        response.body().close();
        return response.statusCode();
    }

    @Test
    void theHealthProbeIsOpenAndAnUnknownPathIsUnknown() {
        assertThat(ledger.as("").get("/actuator/health").status()).isEqualTo(200);
        assertThat(ledger.as("").get("/api/v1/nothing-here").status()).isEqualTo(401);
        StandaloneLedger.Answer unknown = ledger.as(ADVISOR).get("/api/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        StandaloneLedger.Answer wrongPassword = ledger.as("intruder").get("/api/v1/debts/" + acmeDebt);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.json().path("type").asText()).isEqualTo("urn:debt-ledger:problem:unauthenticated");
    }

    @Test
    void aCreditorSeesOnlyItsOwnDebtsAndEvents() {
        StandaloneLedger creditor = ledger.as(CREDITOR);
        assertThat(creditor.get("/api/v1/debts/" + acmeDebt).status()).isEqualTo(200);
        StandaloneLedger.Answer others = creditor.get("/api/v1/debts/" + otherDebt);
        assertThat(others.status()).as("as unknown as a debt that does not exist").isEqualTo(404);
        assertThat(others.response().body()).isEqualTo(creditor.get("/api/v1/debts/" + otherDebt).response().body())
                .doesNotContain("other-energy");

        JsonNode balance = creditor.get("/api/v1/debtors/" + DEBTOR + "/balance").json();
        assertThat(balance.path("debts")).extracting(debt -> debt.path("debtId").asText()).containsExactly(acmeDebt);
        assertThat(ledger.as(ADVISOR).get("/api/v1/debtors/" + DEBTOR + "/balance").json().path("debts")).hasSize(2);

        JsonNode events = creditor.get("/api/v1/events?after=0&limit=1000").json().path("events");
        assertThat(events).isNotEmpty().allSatisfy(event ->
                assertThat(event.path("creditorId").asText()).isEqualTo("acme-telecom"));
        assertThat(creditor.get("/api/v1/events?after=0&creditorId=other-energy").status()).isEqualTo(403);
    }

    @Test
    void readsOfADebtorsDataAreInTheAccessLog() {
        String debtor = "d-" + UUID.randomUUID();
        String debt = register("acme-telecom", debtor);
        assertThat(ledger.as(ADVISOR).send("GET", "/api/v1/debts/" + debt, null,
                "X-Channel", "ADVISOR_PHONE", "X-Reason", "debtor called about a plan", "X-Correlation-Id", "call-9")
                .status()).isEqualTo(200);
        assertThat(ledger.as(COMPLIANCE).get("/api/v1/debts/" + debt + "/history?asOf=2030-01-01T00:00:00Z").status())
                .isEqualTo(200);

        // the registration's own check, then the two reads here; shown once no older transaction is in flight
        JsonNode entries = await().atMost(Duration.ofSeconds(30)).until(() -> accessLog("debtorId=" + debtor),
                shown -> shown.size() == 3);
        entries = accessLog("after=" + entries.get(0).path("id").asLong() + "&debtorId=" + debtor);
        assertThat(entries.get(0).path("actorId").asText()).isEqualTo("advisor");
        assertThat(entries.get(0).path("actorRoles").asText()).isEqualTo("ADVISOR");
        assertThat(entries.get(0).path("debtId").asText()).isEqualTo(debt);
        assertThat(entries.get(0).path("channel").asText()).isEqualTo("ADVISOR_PHONE");
        assertThat(entries.get(0).path("reason").asText()).isEqualTo("debtor called about a plan");
        assertThat(entries.get(0).path("correlationId").asText()).isEqualTo("call-9");
        assertThat(entries.get(0).path("resource").asText()).isEqualTo("GET /api/v1/debts/" + debt);
        assertThat(entries.get(1).path("actorId").asText()).isEqualTo("compliance");
        assertThat(accessLog("actorId=compliance&debtorId=" + debtor)).hasSize(1);
    }

    @Test
    void anEntryCommittedAfterALaterOneIsNotPassedByWhenPaging() throws SQLException {
        String debtor = "d-" + UUID.randomUUID();
        String debt = register("acme-telecom", debtor);
        long before = await().atMost(Duration.ofSeconds(30)).until(() -> accessLog("debtorId=" + debtor),
                shown -> shown.size() == 1).get(0).path("id").asLong();
        try (Connection slow = ledger.context.getBean(DataSource.class).getConnection();
             Statement statement = slow.createStatement()) {
            // a reader whose transaction began first, whose entry has the higher id, and which commits last
            slow.setAutoCommit(false);
            statement.executeQuery("SELECT pg_current_xact_id()").close();
            assertThat(ledger.as(ADVISOR).get("/api/v1/debts/" + debt).status()).isEqualTo(200);
            statement.executeUpdate("INSERT INTO ledger_private.access_log (accessed_at, actor_id, actor_roles,"
                    + " debtor_id, resource) VALUES (clock_timestamp(), 'slow-reader', 'COMPLIANCE', '" + debtor
                    + "', 'GET /api/v1/debtors/" + debtor + "/balance')");
            assertThat(accessLog("debtorId=" + debtor + "&after=" + before)).isEmpty();
            slow.commit();
        }
        JsonNode entries = await().atMost(Duration.ofSeconds(30))
                .until(() -> accessLog("debtorId=" + debtor + "&after=" + before), shown -> shown.size() == 2);
        assertThat(entries.get(0).path("actorId").asText()).isEqualTo("slow-reader");
        assertThat(entries.get(1).path("actorId").asText()).isEqualTo("advisor");
        assertThat(entries.get(0).path("id").asLong()).as("the slow reader's entry was written after the advisor's")
                .isGreaterThan(entries.get(1).path("id").asLong());
        assertThat(accessLog("after=" + entries.get(0).path("id").asLong() + "&debtorId=" + debtor))
                .singleElement().satisfies(entry -> assertThat(entry.path("actorId").asText()).isEqualTo("advisor"));
        assertThat(accessLog("after=" + entries.get(1).path("id").asLong() + "&debtorId=" + debtor)).isEmpty();
        assertThat(ledger.as(COMPLIANCE).get("/api/v1/access-log?after=" + Long.MAX_VALUE).json()
                .path("detail").asText()).isEqualTo("after must be 0 or the id of an access-log entry");
    }

    @Test
    void entriesRestoredFromAnotherDatabaseClusterAreShownBeforeTheOthers() {
        String debtor = "d-" + UUID.randomUUID();
        // as restored from a logical dump of a cluster whose transaction ids had gone further than this one's
        ledger.database.sql("""
                        INSERT INTO ledger_private.access_log (accessed_at, actor_id, actor_roles, debtor_id, resource,
                                                               written_by)
                        VALUES (clock_timestamp(), 'restored', 'COMPLIANCE', :debtor, 'GET /api/v1/debts',
                                CAST(CAST(CAST(pg_current_xact_id() AS TEXT) AS BIGINT) + 1000000000 AS TEXT)::xid8)""")
                .param("debtor", debtor).update();
        assertThat(accessLog("debtorId=" + debtor)).isEmpty();

        ledger.context.getBean(AccessLog.class).adoptRestoredEntries();

        assertThat(accessLog("debtorId=" + debtor)).singleElement()
                .satisfies(entry -> assertThat(entry.path("actorId").asText()).isEqualTo("restored"));
        assertThat(ledger.database.sql("SELECT count(*) FROM ledger_private.access_log WHERE written_by <> '0'")
                .query(Long.class).single()).isZero();
    }

    private static JsonNode accessLog(String query) {
        StandaloneLedger.Answer answer = ledger.as(COMPLIANCE).get("/api/v1/access-log?" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().path("entries");
    }

    @Test
    void personalDataIsEncryptedApartFromTheEventsAndAnErasureMakesItUnreadableWhileTheLedgerStaysWhole() {
        String debtor = "d-" + UUID.randomUUID();
        String debt = register("acme-telecom", debtor);
        String path = "/api/v1/debtors/" + debtor + "/personal-data";
        assertThat(ledger.as(ADVISOR).send("PUT", path, """
                {"name": "Maija Meikäläinen", "nationalId": "131052-308T", "phone": "+358 40 123 4567"}""").status())
                .isEqualTo(204);
        JsonNode stored = ledger.as(COMPLIANCE).get(path).json();
        assertThat(stored.path("data").path("name").asText()).isEqualTo("Maija Meikäläinen");
        assertThat(stored.path("updatedBy").asText()).isEqualTo("advisor");

        // nowhere in clear: not in the events, not in the stored row
        assertThat(ledger.database.sql("SELECT count(*) FROM event_log WHERE payload::text LIKE '%131052-308T%'"
                + " OR payload::text LIKE '%Meikäläinen%'").query(Long.class).single()).isZero();
        byte[] ciphertext = ledger.database.sql("SELECT ciphertext FROM ledger_private.debtor_personal_data"
                + " WHERE debtor_id = :debtor").param("debtor", debtor).query(byte[].class).single();
        assertThat(new String(ciphertext, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("131052");
        assertThat(ledger.database.sql("SELECT count(*) FROM ledger_private.debtor_key WHERE debtor_id = :debtor"
                        + " AND aes_key IS NULL AND wrapped_key IS NOT NULL AND kek_id IS NOT NULL")
                .param("debtor", debtor).query(Long.class).single()).as("the key is stored wrapped only").isEqualTo(1);

        StandaloneLedger.Answer tooSoon = ledger.as(COMPLIANCE).post("/api/v1/debtors/" + debtor + "/erasure",
                "{\"reason\": \"the debtor asked\"}");
        assertThat(tooSoon.status()).isEqualTo(422);
        assertThat(tooSoon.json().path("rule").asText()).isEqualTo("ERASURE_WHILE_DEBT_OPEN");
        assertThat(ledger.as(COMPLIANCE).get(path).status()).isEqualTo(200);

        ledger.as(ADVISOR).post("/api/v1/debts/" + debt + "/payments", """
                {"paymentId": "RF-1", "amount": {"amount": "10.00", "currency": "EUR"}, "valueDate": "2025-03-02",
                 "channel": "BANK_FILE"}""");
        assertThat(ledger.as(ADVISOR).post("/api/v1/debts/" + debt + "/write-off",
                "{\"reason\": \"uncollectable\", \"date\": \"2025-03-03\"}").status()).isEqualTo(200);
        StandaloneLedger.Answer erased = ledger.as(COMPLIANCE).post("/api/v1/debtors/" + debtor + "/erasure",
                "{\"reason\": \"the debtor asked, nothing is owed\"}");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().path("keyDestroyed").asBoolean()).isTrue();

        StandaloneLedger.Answer gone = ledger.as(COMPLIANCE).get(path);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(ledger.database.sql("SELECT count(*) FROM ledger_private.debtor_key WHERE debtor_id = :debtor")
                .param("debtor", debtor).query(Long.class).single()).as("the key is destroyed").isZero();
        assertThat(ledger.database.sql("SELECT count(*) FROM ledger_private.debtor_personal_data WHERE debtor_id = :d")
                .param("d", debtor).query(Long.class).single()).as("what is left is ciphertext nobody can read")
                .isEqualTo(1);

        JsonNode view = ledger.as(COMPLIANCE).get("/api/v1/debts/" + debt).json();
        assertThat(view.path("status").asText()).isEqualTo("WRITTEN_OFF");
        assertThat(view.path("paid").path("amount").asText()).isEqualTo("10.00");
        assertThat(ledger.as(COMPLIANCE).get("/api/v1/debts/" + debt + "/history").json().path("entries").size())
                .isGreaterThanOrEqualTo(3);
        assertThat(ledger.as(ADVISOR).get("/api/v1/debtors/" + debtor + "/balance").status()).isEqualTo(200);
    }
}
