package org.debtledger.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.debtledger.debt.Balance;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.money.Money;
import org.debtledger.query.QuerySideAlone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search endpoint of the query side alone, on an embedded PostgreSQL: debts registered through the event store
 * and folded by the debt view's processor, searched over HTTP as each role.
 */
class SearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The debt the README's RF reference pays: RF18 5390 0754 7034. */
    private static final String RF_DEBT = "539007547034";
    private static final String OTHER_DEBT = "debt-energy-1";
    private static final String SECOND_DEBTOR_DEBT = "debt-telecom-2";
    private static final String CLOSED_DEBT = "debt-closed-1";

    @TempDir
    static Path directory;
    private static QuerySideAlone side;

    @BeforeAll
    static void start() throws Exception {
        side = QuerySideAlone.start(directory);

        register(RF_DEBT, "acme-telecom", "d-2001", "INV-2025-0042");
        register(OTHER_DEBT, "other-energy", "d-2001", "EN-77");
        register(SECOND_DEBTOR_DEBT, "acme-telecom", "d-2002", "INV-9");
        register(CLOSED_DEBT, "acme-telecom", "d-2003", "INV-3");
        publish(CLOSED_DEBT, 1, new DebtWrittenOff(new DebtId(CLOSED_DEBT), new Balance(eur("0.00"), eur("0.00"),
                eur("100.00")), "uncollectable", LocalDate.parse("2025-04-01")));
        for (int i = 1; i <= 5; i++) {
            register("debt-paged-" + i, "paging-creditor", "d-30" + (6 - i), "P-" + i);
        }
        side.awaitCaughtUp("/api/v1/search?q=x", "ADVISOR");
    }

    @AfterAll
    static void stop() throws Exception {
        side.close();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static void register(String debtId, String creditorId, String debtorId, String invoiceReference) {
        publish(debtId, 0, new DebtRegistered(new DebtId(debtId), new CreditorId(creditorId), new DebtorId(debtorId),
                invoiceReference, new InvoicePeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31")),
                "Broadband", eur("100.00"), LocalDate.parse("2025-02-15"), DebtType.CONSUMER, Jurisdiction.FI, false,
                LocalDate.parse("2025-03-01")));
    }

    private static void publish(String debtId, long sequenceNumber, DebtEvent event) {
        side.publish(debtId, sequenceNumber, event);
    }

    private static HttpResponse<String> send(String method, String path, String body, String role, String creditorId,
                                             String... headers) throws Exception {
        return side.send(method, path, body, role, creditorId, headers);
    }

    private static HttpResponse<String> get(String path, String role) throws Exception {
        return side.get(path, role);
    }

    private static JsonNode search(String q) throws Exception {
        return search(q, "ADVISOR", null);
    }

    private static JsonNode search(String q, String role, String creditorId) throws Exception {
        HttpResponse<String> answer = send("GET", "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                null, role, creditorId);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Each match as debt id and how it was found. */
    private static List<String> found(JsonNode answer) {
        List<String> found = new ArrayList<>();
        answer.path("matches").forEach(match -> found.add(match.path("debtId").asText() + " "
                + match.path("matchedOn").asText()));
        return found;
    }

    @Test
    void aDebtIsFoundByItsIdWithWhatAnAdvisorNeedsToTellItApart() throws Exception {
        HttpResponse<String> answer = get("/api/v1/search?q=" + SECOND_DEBTOR_DEBT, "ADVISOR");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Read-Position")).isPresent();
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("query").asText()).isEqualTo(SECOND_DEBTOR_DEBT);
        assertThat(body.path("page").asInt()).isZero();
        assertThat(body.path("size").asInt()).isEqualTo(20);
        assertThat(body.path("more").asBoolean()).isFalse();
        assertThat(JSON.convertValue(body.path("matches").get(0), Map.class)).isEqualTo(Map.of(
                "debtId", SECOND_DEBTOR_DEBT, "debtorId", "d-2002", "creditorId", "acme-telecom",
                "invoiceReference", "INV-9", "status", "OPEN",
                "total", Map.of("amount", "100.00", "currency", "EUR"), "matchedOn", "DEBT_ID"));
    }

    @Test
    void aDebtorsDebtsAreFoundByTheDebtorReferenceInOrderOfDebtId() throws Exception {
        assertThat(found(search("d-2001"))).containsExactly(RF_DEBT + " DEBTOR_ID", OTHER_DEBT + " DEBTOR_ID");
    }

    @Test
    void aDebtIsFoundByItsInvoiceReferenceWhateverItsCaseAndSpaceAround() throws Exception {
        assertThat(found(search("  inv-2025-0042 "))).containsExactly(RF_DEBT + " INVOICE_REFERENCE");
        assertThat(found(search("INV-2025-004"))).as("exact, not a prefix").isEmpty();
    }

    @Test
    void aCreditorsDebtsAreFoundByItsId() throws Exception {
        assertThat(found(search("other-energy"))).containsExactly(OTHER_DEBT + " CREDITOR_ID");
    }

    @Test
    void aDebtIsFoundByTheRfReferenceItIsPaidWithAndAMalformedOneFindsNothing() throws Exception {
        assertThat(found(search("rf18 5390 0754 7034"))).containsExactly(RF_DEBT + " RF_REFERENCE");
        assertThat(found(search("RF18539007547034"))).containsExactly(RF_DEBT + " RF_REFERENCE");
        assertThat(found(search("RF19 5390 0754 7034"))).as("check digits wrong").isEmpty();
        assertThat(found(search("RF"))).isEmpty();
    }

    @Test
    void aDebtorIsFoundByFullNameOrOneNameOnceItsDataIsPutAndNoLongerOnceErased() throws Exception {
        HttpResponse<String> put = send("PUT", "/api/v1/debtors/d-2003/personal-data",
                "{\"name\": \"Maija  Meikäläinen\", \"address\": \"Mannerheimintie 1, Helsinki\"}", "ADVISOR", null);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);

        for (String name : List.of("Maija Meikäläinen", " maija   MEIKÄLÄINEN ", "Meikäläinen", "maija")) {
            assertThat(found(search(name))).as(name).containsExactly(CLOSED_DEBT + " NAME");
        }
        assertThat(found(search("Maija M"))).isEmpty();
        assertThat(found(search("Mannerheimintie"))).as("only the name is indexed").isEmpty();

        HttpResponse<String> erased = send("POST", "/api/v1/debtors/d-2003/erasure",
                "{\"reason\": \"the debtor asked, nothing is owed\"}", "COMPLIANCE", null);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(found(search("Maija Meikäläinen"))).isEmpty();
        assertThat(found(search("maija"))).isEmpty();
    }

    @Test
    void aCreditorFindsOnlyItsOwnDebts() throws Exception {
        assertThat(found(search("d-2001", "CREDITOR", "acme-telecom"))).containsExactly(RF_DEBT + " DEBTOR_ID");
        assertThat(found(search("other-energy", "CREDITOR", "acme-telecom"))).isEmpty();
        assertThat(found(search(OTHER_DEBT, "CREDITOR", "acme-telecom"))).isEmpty();
        assertThat(found(search("d-2001", "CREDITOR", null))).as("a creditor of no creditor id").isEmpty();
        assertThat(found(search("d-2001", "COMPLIANCE", null))).hasSize(2);
    }

    @Test
    void rolesThatReadNoCasesAreRefused() throws Exception {
        for (String role : List.of("INTEGRATION", "OPERATOR")) {
            HttpResponse<String> answer = get("/api/v1/search?q=d-2001", role);
            assertThat(answer.statusCode()).as(role).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
        }
    }

    @Test
    void aQueryOutOfBoundsIsRefusedNamingTheRule() throws Exception {
        String tooLong = "x".repeat(101);
        Map<String, String> refusals = Map.of(
                "q=", "q must be 1 to 100 characters",
                "q=%20%20", "q must be 1 to 100 characters",
                "q=" + tooLong, "q must be 1 to 100 characters",
                "q=d-2001&size=0", "size must be 1 to 50",
                "q=d-2001&size=51", "size must be 1 to 50",
                "q=d-2001&page=-1", "page must be 0 to 1000",
                "q=d-2001&page=1001", "page must be 0 to 1000");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            HttpResponse<String> answer = get("/api/v1/search?" + refusal.getKey(), "ADVISOR");
            assertThat(answer.statusCode()).as(refusal.getKey()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("type").asText()).isEqualTo("urn:debt-ledger:problem:malformed-request");
            assertThat(problem.path("detail").asText()).as(refusal.getKey()).isEqualTo(refusal.getValue());
        }
        assertThat(get("/api/v1/search", "ADVISOR").statusCode()).as("no q").isEqualTo(400);
        assertThat(get("/api/v1/search?q=" + "x".repeat(100), "ADVISOR").statusCode()).isEqualTo(200);
    }

    @Test
    void everyDebtAnAnswerShowsIsAReadOfItsDebtorInTheAccessLog() throws Exception {
        HttpResponse<String> answer = send("GET", "/api/v1/search?q=d-2001", null, "ADVISOR", null,
                "X-Channel", "ADVISOR_PHONE", "X-Reason", "debtor called without a reference");
        assertThat(answer.statusCode()).isEqualTo(200);

        List<Map<String, Object>> entries = side.database.sql("SELECT actor_id, debtor_id, debt_id, resource, channel,"
                        + " reason FROM ledger_private.access_log WHERE reason = 'debtor called without a reference'"
                        + " ORDER BY debt_id")
                .query().listOfRows();
        assertThat(entries).extracting(entry -> entry.get("debt_id")).containsExactly(RF_DEBT, OTHER_DEBT);
        assertThat(entries).allSatisfy(entry -> assertThat(entry).containsEntry("actor_id", "advisor-1")
                .containsEntry("debtor_id", "d-2001").containsEntry("resource", "GET /api/v1/search")
                .containsEntry("channel", "ADVISOR_PHONE"));
        HttpResponse<String> noReason = send("GET", "/api/v1/search?q=d-2001", null, "ADVISOR", null,
                "X-Reason", " ");
        assertThat(noReason.statusCode()).as("a blank reason is refused, as for every read").isEqualTo(400);
    }

    @Test
    void pagesFollowOneAnotherBySaidOrderAndSayWhetherMoreFollow() throws Exception {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            HttpResponse<String> answer = get("/api/v1/search?q=paging-creditor&size=2&page=" + page, "ADVISOR");
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("more").asBoolean()).as("page " + page).isEqualTo(page < 2);
            body.path("matches").forEach(match -> seen.add(match.path("debtorId").asText()));
        }
        assertThat(seen).containsExactly("d-301", "d-302", "d-303", "d-304", "d-305");
        assertThat(found(JSON.readTree(get("/api/v1/search?q=paging-creditor&size=2&page=3", "ADVISOR").body())))
                .isEmpty();
    }

    @Test
    void theSearchIndexesAreThereAgainAfterTheDebtViewIsRebuilt() throws Exception {
        HttpResponse<String> rebuild = send("POST", "/api/v1/admin/projections/debts/rebuild", null, "OPERATOR",
                null);
        assertThat(rebuild.statusCode()).as(rebuild.body()).isBetween(200, 202);
        await().atMost(Duration.ofMinutes(1)).until(() -> JSON.readTree(get("/api/v1/admin/projections/debts/status",
                "OPERATOR").body()).path("status").asText().equals("COMPLETED"));
        JsonNode status = JSON.readTree(get("/api/v1/admin/projections/debts/status", "OPERATOR").body());

        int active = status.path("activeVersion").asInt();
        assertThat(active).isGreaterThan(1);
        List<String> indexes = side.database.sql("SELECT indexdef FROM pg_indexes WHERE schemaname = 'ledger_read'"
                + " AND tablename = :table").param("table", "debt_view_" + active).query(String.class).list();
        assertThat(indexes).anySatisfy(index -> assertThat(index).contains("lower((view ->> 'invoiceReference'"))
                .anySatisfy(index -> assertThat(index).contains("(creditor_id, debtor_id, debt_id)"));
        assertThat(found(search("INV-9"))).containsExactly(SECOND_DEBTOR_DEBT + " INVOICE_REFERENCE");
    }
}
