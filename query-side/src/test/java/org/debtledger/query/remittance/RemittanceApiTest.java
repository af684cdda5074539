package org.debtledger.query.remittance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.debtledger.audit.Channel;
import org.debtledger.creditor.CreditorContractAgreed;
import org.debtledger.creditor.CreditorEvent;
import org.debtledger.creditor.CreditorRegistered;
import org.debtledger.creditor.CreditorStream;
import org.debtledger.creditor.Iban;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.query.QuerySideAlone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A creditor's remittance for March 2025 over HTTP on the query side alone, on an embedded PostgreSQL: two payments,
 * a reversal and a refund in the month, a payment in April and another creditor's debt left out; the month
 * reconciles to the cent, in JSON and CSV, and a creditor sees only its own.
 */
class RemittanceApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARCH = "/api/v1/creditors/acme-telecom/remittance?from=2025-03-01&to=2025-03-31";

    @TempDir
    static Path directory;
    private static QuerySideAlone side;

    @BeforeAll
    static void start() throws Exception {
        side = QuerySideAlone.start(directory);
        CreditorId acme = new CreditorId("acme-telecom");
        publishCreditor(acme, new CreditorRegistered(acme, "Acme Telecom Oy", Iban.parse("FI2112345600000785"),
                        date("2025-01-02")),
                new CreditorContractAgreed(acme, date("2025-02-01"), 5000, 0, date("2025-01-20")),
                new CreditorContractAgreed(acme, date("2025-03-15"), 3500, 250, date("2025-03-01")));
        CreditorId other = new CreditorId("other-energy");
        publishCreditor(other, new CreditorRegistered(other, "Other Energy Oy", Iban.parse("DE89370400440532013000"),
                date("2025-01-02")));

        DebtId debt = new DebtId("debt-a");
        PaymentReceived first = paid(debt, "RF-a1", "20.00", allocation("14.00", "0.66", "5.34", "0.00"), "2025-03-10");
        publishDebt(debt, registered(debt, "acme-telecom"), first,
                paid(debt, "RF-a2", "120.00", allocation("0.00", "0.12", "94.66", "25.22"), "2025-03-20"),
                new DebtSettled(debt, date("2025-03-20")),
                new PaymentReversed(debt, first.paymentId(), first.amount(), first.allocation(), List.of(),
                        "returned by the bank", date("2025-03-25")),
                new CreditRefunded(debt, eur("25.22"), "refund-1", date("2025-03-28")),
                paid(debt, "RF-a3", "20.00", allocation("14.00", "0.66", "5.34", "0.00"), "2025-04-02"));
        DebtId others = new DebtId("debt-b");
        publishDebt(others, registered(others, "other-energy"),
                paid(others, "RF-b1", "50.00", allocation("0.00", "0.00", "50.00", "0.00"), "2025-03-12"));
        side.awaitCaughtUp(MARCH, "OPERATOR");
    }

    @AfterAll
    static void stop() throws Exception {
        side.close();
    }

    @Test
    void theMonthWithPaymentsAReversalAndARefundReconcilesToTheCent() throws Exception {
        JsonNode march = json(side.get(MARCH, "OPERATOR"));

        assertThat(march.get("name").asText()).isEqualTo("Acme Telecom Oy");
        assertThat(march.get("remittanceAccount").asText()).isEqualTo("FI2112345600000785");
        assertThat(march.get("lines")).extracting(line -> line.get("kind").asText() + " " + line.get("collected").asText()
                        + " = " + line.get("kept").asText() + " + " + line.get("remitted").asText())
                .containsExactly("PAYMENT 20.00 = 14.33 + 5.67", "PAYMENT 94.78 = 2.41 + 92.37",
                        "REVERSAL -20.00 = -14.33 + -5.67", "REFUND 0.00 = 0.00 + 0.00");
        JsonNode total = march.get("totals").get(0);
        assertThat(total.get("currency").asText()).isEqualTo("EUR");
        assertThat(total.get("lines").asLong()).isEqualTo(4);
        assertThat(total.get("amount").asText()).isEqualTo("94.78");
        assertThat(total.get("credit").asText()).isEqualTo("0.00");
        assertThat(total.get("collected").asText()).isEqualTo("94.78");
        assertThat(total.get("kept").asText()).isEqualTo("2.41");
        assertThat(total.get("remitted").asText()).isEqualTo("92.37");
        assertThat(march.get("more").asBoolean()).isFalse();

        JsonNode reconciled = json(side.send("POST", "/api/v1/admin/reconciliation", null, "OPERATOR", null));
        assertThat(reconciled.get("consistent").asBoolean()).as(reconciled.toString()).isTrue();
        assertThat(reconciled.get("debtsChecked").asLong()).as("creditors are not debts").isEqualTo(2);
    }

    @Test
    void theSameMonthAsCsvHasAHeaderRowAndALineAnEvent() throws Exception {
        HttpResponse<String> csv = side.send("GET", MARCH, null, "OPERATOR", null, "Accept", "text/csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0)).isEqualTo(CreditorRemittanceController.CSV_HEADER);
        assertThat(rows.get(3)).startsWith("2025-03-25,REVERSAL,debt-a,RF-a1,EUR,-20.00,-14.00,-0.66,-5.34,0.00,"
                + "-20.00,-14.00,-0.33,0.00,-14.33,-5.67,2025-02-01,");
        assertThat(rows).hasSize(5);
        assertThat(side.get(MARCH + "&format=csv", "OPERATOR").body()).isEqualTo(csv.body());
    }

    @Test
    void aCreditorReadsItsOwnAndAnotherIsUnknownToIt() throws Exception {
        assertThat(side.send("GET", MARCH, null, "CREDITOR", "acme-telecom").statusCode()).isEqualTo(200);
        assertThat(side.send("GET", "/api/v1/creditors/acme-telecom", null, "CREDITOR", "acme-telecom").statusCode())
                .isEqualTo(200);
        HttpResponse<String> other = side.send("GET", MARCH, null, "CREDITOR", "other-energy");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(side.send("GET", "/api/v1/creditors/acme-telecom", null, "CREDITOR", "other-energy").statusCode())
                .isEqualTo(404);
        assertThat(side.get(MARCH, "ADVISOR").statusCode()).isEqualTo(403);
        assertThat(side.get("/api/v1/creditors/nobody/remittance?from=2025-03-01&to=2025-03-31", "OPERATOR")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void theCreditorShowsItsContracts() throws Exception {
        JsonNode creditor = json(side.get("/api/v1/creditors/acme-telecom", "OPERATOR"));
        assertThat(creditor.get("contracts")).extracting(contract -> contract.get("effectiveFrom").asText() + " "
                        + contract.get("interestShare").asText() + " " + contract.get("principalCommission").asText())
                .containsExactly("2025-02-01 50.00 0.00", "2025-03-15 35.00 2.50");
    }

    @Test
    void aPeriodLongerThanAYearIsRefusedByRule() throws Exception {
        HttpResponse<String> answer = side.get(
                "/api/v1/creditors/acme-telecom/remittance?from=2025-01-01&to=2026-01-02", "OPERATOR");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).get("rule").asText()).isEqualTo("REMITTANCE_PERIOD_TOO_LONG");
        assertThat(side.get("/api/v1/creditors/acme-telecom/remittance?from=2025-03-02&to=2025-03-01", "OPERATOR")
                .statusCode()).isEqualTo(400);
    }

    private static JsonNode json(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static void publishCreditor(CreditorId creditor, CreditorEvent... events) {
        for (int i = 0; i < events.length; i++) {
            side.bean(EventStore.class).publish(new GenericDomainEventMessage<>(CreditorStream.AGGREGATE_TYPE,
                    CreditorStream.aggregateIdentifier(creditor), i, events[i]));
        }
    }

    private static void publishDebt(DebtId debt, DebtEvent... events) {
        for (int i = 0; i < events.length; i++) {
            side.publish(debt.value(), i, events[i]);
        }
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static Allocation allocation(String fees, String interest, String principal, String credit) {
        return new Allocation(eur(fees), eur(interest), eur(principal), eur(credit));
    }

    private static PaymentReceived paid(DebtId debt, String id, String amount, Allocation allocation, String date) {
        return new PaymentReceived(debt, new PaymentId(id), eur(amount), Channel.BANK_FILE, allocation, List.of(),
                date(date));
    }

    private static DebtRegistered registered(DebtId debt, String creditorId) {
        return new DebtRegistered(debt, new CreditorId(creditorId), new DebtorId("d-" + debt.value()), "INV-1",
                new InvoicePeriod(date("2025-01-01"), date("2025-01-31")), "Broadband", eur("100.00"),
                date("2025-02-15"), DebtType.CONSUMER, Jurisdiction.FI, false, date("2025-03-01"));
    }
}
