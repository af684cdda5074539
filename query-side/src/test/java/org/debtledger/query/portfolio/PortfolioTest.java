package org.debtledger.query.portfolio;

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
import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.promise.PromiseToPayMade;
import org.debtledger.query.QuerySideAlone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio's endpoints on the query side alone, on an embedded PostgreSQL: four debts' events published to the
 * event store, folded by the processors, and the charts' numbers read over HTTP.
 */
class PortfolioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;
    private static QuerySideAlone side;

    @BeforeAll
    static void start() throws Exception {
        side = QuerySideAlone.start(directory);

        publishAll();
        for (String path : List.of("ageing", "recovery", "queue")) {
            side.awaitCaughtUp("/api/v1/portfolio/" + path, "ADVISOR");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        side.close();
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

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static DebtRegistered registered(String debtId, String creditorId, String principal, String dueDate,
                                             String date) {
        return new DebtRegistered(new DebtId(debtId), new CreditorId(creditorId), new DebtorId("d-" + debtId),
                "INV-" + debtId, new InvoicePeriod(date("2025-01-01"), date("2025-01-31")), "Broadband",
                eur(principal), date(dueDate), DebtType.CONSUMER, Jurisdiction.FI, false, date(date));
    }

    private static PaymentReceived paid(String debtId, String id, String amount, int instalment, String date) {
        return new PaymentReceived(new DebtId(debtId), new PaymentId(id), eur(amount), Channel.BANK_FILE,
                new Allocation(eur("0.00"), eur("0.00"), eur(amount), eur("0.00")),
                List.of(new InstalmentPayment(instalment, eur(amount))), date(date));
    }

    private static PaymentPlanAgreed plan(String debtId, String date, String... dueAndAmount) {
        List<Instalment> instalments = new ArrayList<>();
        for (int i = 0; i < dueAndAmount.length; i += 2) {
            instalments.add(new Instalment(date(dueAndAmount[i]), eur(dueAndAmount[i + 1])));
        }
        return new PaymentPlanAgreed(new DebtId(debtId), 1, instalments, Channel.SELF_SERVICE, null, null, true,
                date(date));
    }

    /**
     * A: 100.00 placed in March, a plan in three instalments, two of them paid (March and May), the second late.
     * B: 200.00 placed in March, due since December, a plan broken in April, its one payment reversed.
     * B's debtor then promises 30.00 in July and breaks the promise.
 * C: 300.00 placed in April with another creditor, nothing heard. D: 50.00 placed in June, its plan completed by a
 * payment that keeps a promise made for it.
     */
    private static void publishAll() {
        publishDebt("a", registered("a", "acme-telecom", "100.00", "2025-02-15", "2025-03-01"),
                plan("a", "2025-03-10", "2025-04-01", "33.34", "2025-05-01", "33.33", "2025-06-01", "33.33"),
                paid("a", "RF-a1", "33.34", 1, "2025-03-31"),
                new InstalmentMissed(new DebtId("a"), 1, 2, date("2025-05-01"), eur("33.33"), date("2025-05-08")),
                paid("a", "RF-a2", "33.33", 2, "2025-05-10"));
        PaymentReceived reversedLater = paid("b", "RF-b1", "50.00", 1, "2025-04-20");
        publishDebt("b", registered("b", "acme-telecom", "200.00", "2024-12-01", "2025-03-15"),
                plan("b", "2025-03-20", "2025-04-15", "200.00"), reversedLater,
                new PaymentReversed(new DebtId("b"), new PaymentId("RF-b1"), eur("50.00"), reversedLater.allocation(),
                        reversedLater.instalments(), "returned by the bank", date("2025-04-25")),
                new PaymentPlanBroken(new DebtId("b"), 1, 1, date("2025-04-30")),
                new PromiseToPayMade(new DebtId("b"), 1, eur("30.00"), date("2025-07-10"), date("2025-07-12"),
                        Channel.ADVISOR_PHONE, date("2025-07-01")),
                new PromiseBroken(new DebtId("b"), 1, eur("30.00"), eur("0.00"), date("2025-07-13")));
        publishDebt("c", registered("c", "other-energy", "300.00", "2025-04-30", "2025-04-02"));
        publishDebt("d", registered("d", "acme-telecom", "50.00", "2025-06-30", "2025-06-10"),
                plan("d", "2025-06-11", "2025-06-30", "50.00"),
                new PromiseToPayMade(new DebtId("d"), 1, eur("50.00"), date("2025-06-20"), date("2025-06-22"),
                        Channel.SELF_SERVICE, date("2025-06-12")),
                paid("d", "RF-d1", "50.00", 1, "2025-06-20"),
                new PromiseKept(new DebtId("d"), 1, eur("50.00"), eur("50.00"), date("2025-06-20")));
    }

    private static void publishDebt(String debtId, DebtEvent... events) {
        for (int i = 0; i < events.length; i++) {
            publish(debtId, i, events[i]);
        }
    }

    private static JsonNode read(String path) throws Exception {
        HttpResponse<String> answer = get(path, "COMPLIANCE");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Read-Position")).isPresent();
        return JSON.readTree(answer.body());
    }

    @Test
    void openBalancesAreAgedByDaysPastTheirDueDateByCreditor() throws Exception {
        JsonNode ageing = read("/api/v1/portfolio/ageing?asOf=2025-05-31");

        assertThat(ageing.path("asOf").asText()).isEqualTo("2025-05-31");
        assertThat(ageing.path("buckets").toString())
                .isEqualTo("[\"0-30\",\"31-90\",\"91-180\",\"181-365\",\"over 365\"]");
        assertThat(ageing.path("creditors").toString()).isEqualTo("[{\"creditorId\":\"acme-telecom\","
                + "\"currency\":\"EUR\","
                + "\"debts\":[0,0,1,1,0],\"outstandingMinor\":[0,0,3333,20000,0]},"
                + "{\"creditorId\":\"other-energy\",\"currency\":\"EUR\",\"debts\":[0,1,0,0,0],"
                + "\"outstandingMinor\":[0,30000,0,0,0]}]");
        assertThat(ageing.path("totals").get(0).path("outstandingMinor").toString())
                .isEqualTo("[0,30000,3333,20000,0]");
    }

    @Test
    void eachMonthsRegistrationsRecoverPaymentsLessReversalsMonthByMonth() throws Exception {
        JsonNode recovery = read("/api/v1/portfolio/recovery?from=2025-03&to=2025-04");

        JsonNode march = recovery.path("cohorts").get(0);
        assertThat(march.path("registrationMonth").asText()).isEqualTo("2025-03");
        assertThat(march.path("currency").asText()).isEqualTo("EUR");
        assertThat(march.path("debts").asLong()).isEqualTo(2);
        assertThat(march.path("placedMinor").asLong()).isEqualTo(30000);
        List<String> curve = new ArrayList<>();
        march.path("months").forEach(point -> curve.add(point.path("month").asInt() + ":"
                + point.path("collectedMinor").asLong() + ":" + point.path("share").asText()));
        assertThat(curve.subList(0, 4)).containsExactly("0:3334:0.1111", "1:3334:0.1111", "2:6667:0.2222",
                "3:6667:0.2222");
        assertThat(curve.size()).isBetween(4, 25);
        JsonNode april = recovery.path("cohorts").get(1);
        assertThat(april.path("registrationMonth").asText()).isEqualTo("2025-04");
        assertThat(april.path("placedMinor").asLong()).isEqualTo(30000);
        assertThat(april.path("months").get(0).path("share").asText()).isEqualTo("0.0000");
        assertThat(recovery.path("cohorts")).hasSize(2);
    }

    @Test
    void plansAreCountedInTheMonthTheyWereAgreedCompletedOrBroken() throws Exception {
        JsonNode plans = read("/api/v1/portfolio/plans?from=2025-03&to=2025-06");

        List<String> months = new ArrayList<>();
        plans.path("months").forEach(month -> months.add(month.path("month").asText() + " "
                + month.path("agreed").asLong() + "/" + month.path("completed").asLong() + "/"
                + month.path("broken").asLong()));
        assertThat(months).containsExactly("2025-03 2/0/0", "2025-04 0/0/1", "2025-05 0/0/0", "2025-06 1/1/0");
    }

    @Test
    void promisesAreCountedInTheMonthTheyWereMadeKeptOrBrokenWithTheShareKept() throws Exception {
        JsonNode promises = read("/api/v1/portfolio/promises?from=2025-05&to=2025-07");

        List<String> months = new ArrayList<>();
        promises.path("months").forEach(month -> months.add(month.path("month").asText() + " "
                + month.path("made").asLong() + "/" + month.path("kept").asLong() + "/"
                + month.path("broken").asLong() + " " + month.path("keptShare").asText("none")));
        assertThat(months).containsExactly("2025-05 0/0/0 none", "2025-06 1/1/0 1.0000", "2025-07 1/0/1 0.0000");
    }

    @Test
    void theQueueIsCountedByTypeAtTheEndOfEachDayFromWhenItsWorkIsVisible() throws Exception {
        JsonNode queue = read("/api/v1/portfolio/queue?from=2025-04-01&to=2025-05-12");

        assertThat(queue.path("days")).hasSize(42);
        Map<String, String> byDay = new HashMap<>();
        queue.path("days").forEach(day -> byDay.put(day.path("date").asText(), day.path("total").asLong() + " "
                + day.path("open").path("NO_PLAN_NO_CONTACT").asLong() + day.path("open").path("PAYMENT_REVERSED")
                .asLong() + day.path("open").path("PLAN_BROKEN").asLong()
                + day.path("open").path("INSTALMENT_MISSED").asLong()));
        assertThat(byDay).containsEntry("2025-04-01", "0 0000").containsEntry("2025-04-15", "0 0000")
                .containsEntry("2025-04-16", "1 1000").containsEntry("2025-04-25", "2 1100")
                .containsEntry("2025-04-30", "3 1110").containsEntry("2025-05-08", "4 1111")
                .containsEntry("2025-05-09", "4 1111").containsEntry("2025-05-10", "3 1110");
    }

    @Test
    void aRangeTooLongOrMalformedIsRefusedNamingTheRule() throws Exception {
        for (String path : List.of("/api/v1/portfolio/recovery?from=2022-01&to=2025-01",
                "/api/v1/portfolio/plans?from=2025-06&to=2025-03", "/api/v1/portfolio/plans?from=2025-13",
                "/api/v1/portfolio/queue?from=2024-01-01&to=2025-02-04", "/api/v1/portfolio/ageing?asOf=soon")) {
            HttpResponse<String> answer = get(path, "ADVISOR");
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(get("/api/v1/portfolio/recovery?from=2022-01&to=2025-01", "ADVISOR").body())
                .contains("at most 36 months");
        assertThat(get("/api/v1/portfolio/queue?from=2024-01-01&to=2025-02-04", "ADVISOR").body())
                .contains("at most 400 days");
    }

    @Test
    void onlyAdvisorsAndComplianceReadThePortfolio() throws Exception {
        assertThat(get("/api/v1/portfolio/ageing", "ADVISOR").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/portfolio/ageing", null, "CREDITOR", "acme-telecom").statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/portfolio/plans", "INTEGRATION").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/portfolio/queue", "OPERATOR").statusCode()).isEqualTo(403);
    }

    @Test
    void reconciliationComparesThePortfolioAndTheQueuesChangesWithTheEvents() throws Exception {
        HttpResponse<String> consistent = send("POST", "/api/v1/admin/reconciliation", null, "OPERATOR", null);
        assertThat(consistent.statusCode()).as(consistent.body()).isEqualTo(200);
        assertThat(JSON.readTree(consistent.body()).path("consistent").asBoolean()).as(consistent.body()).isTrue();

        side.database.sql("UPDATE ledger_read.portfolio_collection_1 SET collected_minor = 1 WHERE debt_id = 'a'"
                + " AND month_index = 0").update();
        side.database.sql("DELETE FROM ledger_read.work_item_change_1 WHERE debt_id = 'c'").update();
        try {
            JsonNode report = JSON.readTree(send("POST", "/api/v1/admin/reconciliation", null, "OPERATOR", null)
                    .body());
            List<String> models = new ArrayList<>();
            report.path("mismatches").forEach(mismatch -> models.add(mismatch.path("debtId").asText() + " "
                    + mismatch.path("model").asText()));
            assertThat(models).containsExactlyInAnyOrder("a portfolio", "c advisor_queue");
        } finally {
            side.database.sql("UPDATE ledger_read.portfolio_collection_1 SET collected_minor = 3334 WHERE debt_id = 'a'"
                    + " AND month_index = 0").update();
            side.database.sql("INSERT INTO ledger_read.work_item_change_1 (item_id, position, debt_id, type, open,"
                    + " visible_from, business_date) SELECT item_id, raised_position, debt_id, type, true,"
                    + " visible_from, DATE '2025-04-02' FROM ledger_read.work_item_1 WHERE debt_id = 'c'").update();
        }
    }
}
