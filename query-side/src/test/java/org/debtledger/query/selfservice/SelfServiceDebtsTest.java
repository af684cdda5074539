package org.debtledger.query.selfservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.debtledger.audit.Channel;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.interest.InterestPosted;
import org.debtledger.interest.InterestSegment;
import org.debtledger.money.Money;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.query.QuerySideAlone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The self-service reads of the query side alone, on an embedded PostgreSQL: a person signed in with two debtor
 * references reads their debts, one debt and its statement; another person's debt is as unknown to them as one that
 * does not exist.
 */
class SelfServiceDebtsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERSON = "person-1";
    private static final List<String> REFERENCES = List.of("d-5001", "d-5003");
    /** Paid with RF18 5390 0754 7034. */
    private static final String RF_DEBT = "539007547034";
    private static final String SECOND_REFERENCE_DEBT = "700100";
    /** An id no RF reference can hold. */
    private static final String ENERGY_DEBT = "debt-energy-5";
    private static final String ANOTHER_PERSONS_DEBT = "debt-other-5";

    @TempDir
    static Path directory;
    private static QuerySideAlone side;

    @BeforeAll
    static void start() throws Exception {
        side = QuerySideAlone.start(directory);
        register(RF_DEBT, "acme-telecom", "d-5001", "INV-2025-0042", "1000.00");
        register(SECOND_REFERENCE_DEBT, "acme-telecom", "d-5003", "INV-7", "50.00");
        register(ENERGY_DEBT, "other-energy", "d-5001", "EN-77", "80.00");
        register(ANOTHER_PERSONS_DEBT, "acme-telecom", "d-5002", "INV-9", "100.00");

        DebtId debt = new DebtId(RF_DEBT);
        publish(RF_DEBT, 1, new FeeCharged(debt, FeeType.DEMAND, eur("24.00"), eur("24.00"), null,
                date("2025-03-05")));
        // 1000.00 at 10.50 % for 46 days (2025-05-16 to 2025-06-30) and 9.50 % for 31 (2025-07-01 to 2025-07-31)
        publish(RF_DEBT, 2, new InterestPosted(debt, eur("21.30"), date("2025-05-16"), List.of(
                new InterestSegment(date("2025-05-16"), date("2025-06-30"), 46, eur("1000.00"), 1050),
                new InterestSegment(date("2025-07-01"), date("2025-07-31"), 31, eur("1000.00"), 950)),
                date("2025-07-31")));
        publish(RF_DEBT, 3, new PaymentReceived(debt, new PaymentId("ARCHIVE-1"), eur("100.00"), Channel.BANK_FILE,
                new Allocation(eur("24.00"), eur("21.30"), eur("54.70"), eur("0.00")), List.of(), date("2025-08-05")));
        publish(RF_DEBT, 4, new CollectionPaused(debt, PauseReason.COUNSELLING, date("2025-09-09"),
                Set.of(Freeze.INTEREST, Freeze.FEES), date("2025-08-10")));
        publish(RF_DEBT, 5, new DebtDisputed(debt, "I cancelled the contract in March", date("2025-08-11")));
        side.awaitCaughtUp("/api/v1/debts/" + RF_DEBT, "ADVISOR");
    }

    @AfterAll
    static void stop() throws Exception {
        side.close();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static void register(String debtId, String creditorId, String debtorId, String invoiceReference,
                                 String principal) {
        publish(debtId, 0, new DebtRegistered(new DebtId(debtId), new CreditorId(creditorId), new DebtorId(debtorId),
                invoiceReference, new InvoicePeriod(date("2025-01-01"), date("2025-01-31")), "Broadband",
                eur(principal), date("2025-02-15"), DebtType.CONSUMER, Jurisdiction.FI, false, date("2025-03-01")));
    }

    private static void publish(String debtId, long sequenceNumber, DebtEvent event) {
        side.publish(debtId, sequenceNumber, event);
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        return side.getAsDebtor(path, PERSON, REFERENCES, headers);
    }

    private static JsonNode read(String path) throws Exception {
        HttpResponse<String> answer = get(path);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Read-Position")).isPresent();
        return JSON.readTree(answer.body());
    }

    private static Map<String, String> money(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

    @Test
    void aDebtorListsTheDebtsOfEveryOneOfTheirReferencesAndNoOneElses() throws Exception {
        JsonNode answer = read("/api/v1/self-service/debts");

        List<String> debts = new ArrayList<>();
        answer.path("debts").forEach(debt -> debts.add(debt.path("debtId").asText()));
        assertThat(debts).containsExactly(RF_DEBT, SECOND_REFERENCE_DEBT, ENERGY_DEBT);
        assertThat(answer.path("more").asBoolean()).isFalse();
        JsonNode rf = answer.path("debts").get(0);
        assertThat(JSON.convertValue(rf.path("outstanding"), Map.class)).isEqualTo(Map.of(
                "principal", money("945.30"), "interest", money("0.00"), "fees", money("0.00"),
                "total", money("945.30")));
        assertThat(rf.path("creditorId").asText()).isEqualTo("acme-telecom");
        assertThat(rf.path("invoiceReference").asText()).isEqualTo("INV-2025-0042");
        assertThat(rf.path("status").asText()).isEqualTo("OPEN");
        assertThat(rf.path("collectionPaused").asBoolean()).isTrue();
        assertThat(rf.path("disputed").asBoolean()).isTrue();
        assertThat(rf.path("originalDueDate").isNull()).as("the due date never moved").isTrue();
        assertThat(rf.has("advisorId")).isFalse();
        assertThat(rf.has("debtorId")).isFalse();

        HttpResponse<String> after = get("/api/v1/self-service/debts?after=" + SECOND_REFERENCE_DEBT);
        assertThat(JSON.readTree(after.body()).path("debts")).hasSize(1);
    }

    @Test
    void aDebtorReadsOneOfTheirDebtsWithItsPaymentsAndHowToPayIt() throws Exception {
        JsonNode debt = read("/api/v1/self-service/debts/" + RF_DEBT);

        assertThat(debt.path("payments")).hasSize(1);
        JsonNode payment = debt.path("payments").get(0);
        assertThat(payment.path("valueDate").asText()).isEqualTo("2025-08-05");
        assertThat(payment.path("receivedAt").isTextual()).isTrue();
        assertThat(JSON.convertValue(payment.path("amount"), Map.class)).isEqualTo(money("100.00"));
        assertThat(payment.path("reversed").asBoolean()).isFalse();
        assertThat(debt.path("pause").path("reason").asText()).isEqualTo("COUNSELLING");
        assertThat(debt.path("pause").path("until").asText()).isEqualTo("2025-09-09");
        assertThat(debt.path("dispute").path("reason").asText()).isEqualTo("I cancelled the contract in March");
        JsonNode howToPay = debt.path("howToPay");
        assertThat(howToPay.path("reference").asText()).isEqualTo("RF18539007547034");
        assertThat(howToPay.path("referencePrinted").asText()).isEqualTo("RF18 5390 0754 7034");
        assertThat(howToPay.path("iban").asText()).isEqualTo("FI2112345600000785");
        assertThat(howToPay.path("bic").asText()).isEqualTo("EXMPFIHH");
        assertThat(howToPay.path("payeeName").asText()).contains("example");
        assertThat(JSON.convertValue(howToPay.path("amount"), Map.class)).isEqualTo(money("945.30"));
        assertThat(debt.has("advisorId")).isFalse();

        JsonNode energy = read("/api/v1/self-service/debts/" + ENERGY_DEBT).path("howToPay");
        assertThat(energy.path("reference").isNull()).as("no RF reference holds its id").isTrue();
    }

    @Test
    void theStatementShowsEachInterestPeriodAndItsTotalsAreWhatTheDebtOwes() throws Exception {
        JsonNode statement = read("/api/v1/self-service/debts/" + RF_DEBT + "/statement");
        JsonNode debt = read("/api/v1/self-service/debts/" + RF_DEBT);

        assertThat(statement.path("totals").path("total").path("outstanding"))
                .isEqualTo(debt.path("outstanding").path("total"));
        JsonNode periods = statement.path("interest").get(0).path("periods");
        assertThat(periods).hasSize(2);
        assertThat(periods.get(1).path("referenceRatePercent").asText()).isEqualTo("2.50");
        assertThat(periods.get(1).path("annualRatePercent").asText()).isEqualTo("9.50");
        assertThat(statement.path("fees").get(0).path("cap").path("amount").asText()).isEqualTo("24.00");
        assertThat(statement.path("payments").get(0).path("paid").path("principal").path("amount").asText())
                .isEqualTo("54.70");
    }

    @Test
    void anotherPersonsDebtIsAnsweredExactlyAsAnUnknownOneAndLeavesNothingInTheAccessLog() throws Exception {
        for (String path : List.of("", "/statement")) {
            HttpResponse<String> another = get("/api/v1/self-service/debts/" + ANOTHER_PERSONS_DEBT + path);
            HttpResponse<String> unknown = get("/api/v1/self-service/debts/no-such-debt" + path);

            assertThat(another.statusCode()).as(another.body()).isEqualTo(404);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(another.body().replace(ANOTHER_PERSONS_DEBT, "ID"))
                    .isEqualTo(unknown.body().replace("no-such-debt", "ID"));
        }
        assertThat(side.database.sql("SELECT count(*) FROM ledger_private.access_log WHERE debt_id = :debt"
                        + " OR debtor_id = 'd-5002'")
                .param("debt", ANOTHER_PERSONS_DEBT).query(Long.class).single()).isZero();
    }

    @Test
    void everyReadIsLoggedAsTheDebtorsOwnThroughSelfServiceWhateverChannelTheyName() throws Exception {
        String reason = "checking my balance";
        for (String path : List.of("", "/" + RF_DEBT, "/" + RF_DEBT + "/statement")) {
            HttpResponse<String> answer = get("/api/v1/self-service/debts" + path, "X-Channel", "ADVISOR_PHONE",
                    "X-Reason", reason);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }

        List<Map<String, Object>> entries = side.database.sql("SELECT actor_id, actor_roles, debtor_id, debt_id,"
                        + " resource, channel FROM ledger_private.access_log WHERE reason = :reason ORDER BY id")
                .param("reason", reason).query().listOfRows();
        assertThat(entries).extracting(entry -> entry.get("resource") + " " + entry.get("debtor_id") + " "
                + entry.get("debt_id")).containsExactly(
                "GET /api/v1/self-service/debts d-5001 null",
                "GET /api/v1/self-service/debts d-5003 null",
                "GET /api/v1/self-service/debts/" + RF_DEBT + " d-5001 " + RF_DEBT,
                "GET /api/v1/self-service/debts/" + RF_DEBT + "/statement d-5001 " + RF_DEBT);
        assertThat(entries).allSatisfy(entry -> assertThat(entry).containsEntry("actor_id", PERSON)
                .containsEntry("actor_roles", "DEBTOR").containsEntry("channel", "SELF_SERVICE"));
    }

    @Test
    void aReadThatAsksForAPositionWaitsForItOrIsRefusedBeyondTheStoreAndStaffCannotReadThroughSelfService() throws Exception {
        long head = side.head();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/api/v1/self-service/debts?minPosition=" + head).statusCode() == 200);
        HttpResponse<String> ahead = get("/api/v1/self-service/debts/" + RF_DEBT + "?minPosition=" + (head + 1000));
        // no wait can bring an event not stored yet: the same answer as every read's
        assertThat(ahead.statusCode()).isEqualTo(400);
        assertThat(ahead.body()).contains("is beyond the newest event stored");

        assertThat(side.get("/api/v1/self-service/debts", "ADVISOR").statusCode()).isEqualTo(403);
    }
}
