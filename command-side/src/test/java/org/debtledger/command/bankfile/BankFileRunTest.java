package org.debtledger.command.bankfile;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.debtledger.command.CommandSideTest;
import org.debtledger.command.LedgerHttp.Answer;
import org.debtledger.command.TestDatabase;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.debt.RegisterDebt;
import org.debtledger.money.Money;
import org.debtledger.payment.CreditorReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Bank files of incoming payments over real HTTP, applied to debts on the embedded PostgreSQL. */
class BankFileRunTest extends CommandSideTest {

    private static final String PATH = "/api/v1/operations/bank-files";
    private static final String HEADER = "archive_id,reference,amount,currency,value_date\n";
    private static final String PAYMENT_RECEIVED = "org.debtledger.payment.PaymentReceived";

    @Autowired
    CommandGateway commandGateway;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "bank_file");
    }

    /** A debt id a creditor reference can hold: 1 to 21 digits and capital letters. */
    private static String payableDebtId() {
        return "BF" + UUID.randomUUID().toString().replace("-", "").substring(0, 19).toUpperCase();
    }

    private String registered(String principal) {
        String debtId = payableDebtId();
        Answer answer = http.post("/api/v1/debts", registration(debtId, principal));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return debtId;
    }

    private static String reference(String debtId) {
        return CreditorReference.forDebt(new DebtId(debtId)).printed();
    }

    private static String line(String archiveId, String debtId, String amount) {
        return archiveId + "," + reference(debtId) + "," + amount + ",EUR,2025-03-10\n";
    }

    private static String archiveId() {
        return "ARC-" + UUID.randomUUID();
    }

    private Answer send(String csv) {
        return http.post(PATH, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private long allEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private List<String> paymentIds(String debtId) {
        return jdbc.sql("SELECT payload->>'paymentId' FROM event_log WHERE debt_id = :id AND event_type = :type"
                        + " ORDER BY sequence_number")
                .param("id", debtId).param("type", PAYMENT_RECEIVED).query(String.class).list();
    }

    private static void assertRefused(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("org.").doesNotContain("java.");
    }

    @Test
    void aFileIsAppliedEachPaymentToTheDebtItsReferenceNamesInTheFilesOrder() {
        String partlyPaid = registered("100.00");
        String settled = registered("100.00");
        String first = archiveId();
        String second = archiveId();
        String third = archiveId();

        Answer answer = send(HEADER + line(first, partlyPaid, "30.00") + line(second, settled, "150.00")
                + line(third, partlyPaid, "20.00"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.path("lines").asInt()).isEqualTo(3);
        assertThat(report.path("applied").asInt()).isEqualTo(3);
        assertThat(report.path("alreadyApplied").asInt()).isZero();
        assertThat(report.path("refused").asInt()).isZero();
        assertThat(report.path("refusals")).isEmpty();
        assertThat(report.path("appliedTotals").toString()).isEqualTo("[{\"amount\":\"200.00\",\"currency\":\"EUR\"}]");

        assertThat(paymentIds(partlyPaid)).containsExactly(first, third);
        assertThat(paymentIds(settled)).containsExactly(second);
        assertThat(jdbc.sql("SELECT event_type FROM event_log WHERE debt_id = :id ORDER BY sequence_number")
                .param("id", settled).query(String.class).list())
                .as("more than the balance settles the debt")
                .endsWith(PAYMENT_RECEIVED, "org.debtledger.debt.DebtSettled");
        Map<String, Object> audit = jdbc.sql("""
                        SELECT metadata->>'actorId' AS actor, metadata->>'actorRole' AS role,
                               metadata->>'channel' AS channel, payload->>'channel' AS paid_through
                        FROM event_log WHERE debt_id = :id AND event_type = :type""")
                .param("id", settled).param("type", PAYMENT_RECEIVED).query().singleRow();
        assertThat(audit).containsEntry("actor", "operator").containsEntry("role", "OPERATOR")
                .containsEntry("channel", "BANK_FILE").containsEntry("paid_through", "BANK_FILE");
    }

    @Test
    void theSameFileSentAgainAppliesNothingTwice() {
        String debt = registered("500.00");
        String file = HEADER + line(archiveId(), debt, "10.00") + line(archiveId(), debt, "11.00");
        assertThat(send(file).json().path("applied").asInt()).isEqualTo(2);
        long events = eventCount(debt);

        Answer again = send(file);

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("applied").asInt()).isZero();
        assertThat(again.json().path("alreadyApplied").asInt()).isEqualTo(2);
        assertThat(again.json().path("appliedTotals")).isEmpty();
        assertThat(eventCount(debt)).isEqualTo(events);
        assertThat(paymentIds(debt)).hasSize(2);
    }

    @Test
    void aLineThatCannotBeAppliedIsReportedWithItsRuleAndTheOthersAreApplied() {
        String open = registered("500.00");
        String recalled = registered("500.00");
        assertThat(http.post("/api/v1/debts/" + recalled + "/recall",
                "{\"reason\": \"creditor recalled\", \"date\": \"2025-03-05\"}").status()).isEqualTo(200);
        String reused = archiveId();
        assertThat(send(HEADER + line(reused, open, "10.00")).json().path("applied").asInt()).isEqualTo(1);
        String applied = archiveId();
        String rightDigits = reference(open).substring(2, 4);
        String mistyped = "RF" + (rightDigits.equals("50") ? "51" : "50") + reference(open).substring(4);
        String unknownDebt = CreditorReference.forDebt(new DebtId("NOSUCHDEBT1")).printed();

        Answer answer = send(HEADER
                + "L2," + mistyped + ",1.00,EUR,2025-03-10\n"
                + "L3," + unknownDebt + ",1.00,EUR,2025-03-10\n"
                + "L4,invoice 2025-42,1.00,EUR,2025-03-10\n"
                + line("L5", recalled, "1.00")
                + "L6," + reference(open) + ",1.00,SEK,2025-03-10\n"
                + line(reused, open, "12.00")
                + "L8," + reference(open) + ",1.00,EUR,2025-02-01\n"
                + line(applied, open, "25.00"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.path("lines").asInt()).isEqualTo(8);
        assertThat(report.path("applied").asInt()).isEqualTo(1);
        assertThat(report.path("refused").asInt()).isEqualTo(7);
        assertThat(report.path("refusals").findValuesAsText("line"))
                .containsExactly("2", "3", "4", "5", "6", "7", "8");
        assertThat(report.path("refusals").findValuesAsText("rule")).containsExactly(
                "REFERENCE_CHECK_DIGITS_WRONG", "DEBT_UNKNOWN", "REFERENCE_NOT_RF", "DEBT_CLOSED",
                "CURRENCY_MISMATCH", "PAYMENT_ID_REUSED_WITH_DIFFERENT_AMOUNT", "DATE_BEFORE_REGISTRATION");
        JsonNode unknown = report.path("refusals").get(1);
        assertThat(unknown.path("archiveId").asText()).isEqualTo("L3");
        assertThat(unknown.path("reference").asText()).isEqualTo(unknownDebt);
        assertThat(unknown.path("detail").asText()).isEqualTo("no debt NOSUCHDEBT1 is registered");
        assertThat(report.path("refusals").findValuesAsText("detail")).allSatisfy(detail ->
                assertThat(detail).isNotBlank().doesNotContain("Exception").doesNotContain("org."));
        assertThat(report.path("appliedTotals").toString()).isEqualTo("[{\"amount\":\"25.00\",\"currency\":\"EUR\"}]");
        assertThat(paymentIds(open)).containsExactly(reused, applied);
        assertThat(paymentIds(recalled)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "archive_id;reference;amount;currency;value_date\n",
            "{debtLine}L3,RF741,1.00,EUR\n",
            "{debtLine}L3,RF741,1,00,EUR,2025-03-10\n",
            "{debtLine}L3,RF741,1.001,EUR,2025-03-10\n",
            "{debtLine}L3,RF741,1.00,EUX,2025-03-10\n",
            "{debtLine}L3,RF741,1.00,EUR,2025-02-30\n",
            "{debtLine}{debtLine}",
            "",
            "{debtLine}\n"})
    void aMalformedFileIsRefusedWholeNamingTheLineAndTheRuleAndNothingIsApplied(String body) {
        String debt = registered("100.00");
        String csv = body.isEmpty() ? "" : body.startsWith("archive_id;") ? body + line(archiveId(), debt, "1.00")
                : HEADER + body.replace("{debtLine}", line("L2", debt, "1.00"));
        long events = allEvents();

        Answer answer = send(csv);

        assertRefused(answer, 400);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:debt-ledger:problem:malformed-bank-file");
        assertThat(answer.json().path("line").asInt()).isPositive();
        assertThat(answer.json().path("rule").asText()).isNotBlank();
        assertThat(answer.json().path("detail").asText())
                .startsWith("line " + answer.json().path("line").asInt() + ": ")
                .endsWith("nothing in the file was applied");
        assertThat(allEvents()).isEqualTo(events);
    }

    @Test
    void aMalformedFileNamesEachBadLine() {
        Answer answer = send(HEADER + "L2,RF741,1.00,EUR,2025-03-10\nL3,RF741,abc,EUR,2025-03-10\n"
                + "L4,RF741,1.00,EUR,tomorrow\n");

        assertRefused(answer, 400);
        assertThat(answer.json().path("line").asInt()).isEqualTo(3);
        assertThat(answer.json().path("rule").asText()).isEqualTo("AMOUNT_INVALID");
        assertThat(answer.json().path("problems").findValuesAsText("rule"))
                .containsExactly("AMOUNT_INVALID", "VALUE_DATE_INVALID");
        assertThat(answer.json().path("problems").findValuesAsText("line")).containsExactly("3", "4");
    }

    @Test
    void aFileOverItsLimitIsRefusedWith413WhetherItsLengthIsDeclaredOrCounted() {
        long events = allEvents();
        long limit = 16 * 1024 * 1024;
        assertThat(http.statusOfDeclaredLength(PATH, "text/csv", limit + 1)).isEqualTo(413);

        byte[] tooLarge = (HEADER + "L2,RF741,1.00,EUR,2025-03-10\n" + "x".repeat((int) limit))
                .getBytes(StandardCharsets.UTF_8);
        Answer counted = http.postWithoutLength(PATH, "text/csv", tooLarge);

        assertRefused(counted, 413);
        assertThat(counted.json().path("detail").asText()).isEqualTo("the request body is larger than 16777216 bytes");
        assertThat(allEvents()).isEqualTo(events);
        // every other endpoint keeps its 64 KiB
        assertThat(http.statusOfDeclaredLength("/api/v1/debts", "application/json", 65_537)).isEqualTo(413);
    }

    @Test
    void onlyAnOperatorMaySendABankFile() {
        String debt = registered("100.00");
        byte[] file = (HEADER + line(archiveId(), debt, "1.00")).getBytes(StandardCharsets.UTF_8);

        assertRefused(http.as("advisor").post(PATH, "text/csv", file), 403);
        assertRefused(http.as(null).post(PATH, "text/csv", file), 401);
        assertThat(eventCount(debt)).isEqualTo(1);
    }

    @Test
    void aBankFileIsCsv() {
        String debt = registered("100.00");
        byte[] file = (HEADER + line(archiveId(), debt, "1.00")).getBytes(StandardCharsets.UTF_8);

        assertRefused(http.post(PATH, "application/json", file), 415);
        assertThat(eventCount(debt)).isEqualTo(1);
    }

    /**
     * A month-end file, smaller: thousands of debts paid at once, one in ten twice. Prints how long the file took;
     * {@code -Dbank-file.debts=45500} for a full month's 50,000 lines.
     */
    @Test
    void thousandsOfPaymentsAreAppliedConcurrentlyEachOnce() throws Exception {
        int debts = Integer.getInteger("bank-file.debts", 4_500);
        List<String> debtIds = new ArrayList<>();
        for (int i = 0; i < debts; i++) {
            debtIds.add(payableDebtId());
        }
        registerAll(debtIds);
        StringBuilder file = new StringBuilder(HEADER);
        int lines = 0;
        for (int i = 0; i < debtIds.size(); i++) {
            file.append(line(archiveId(), debtIds.get(i), "10.00"));
            lines++;
            if (i % 10 == 0) {
                file.append(line(archiveId(), debtIds.get(i), "5.00"));
                lines++;
            }
        }
        byte[] body = file.toString().getBytes(StandardCharsets.UTF_8);
        long paymentsBefore = payments();

        long started = System.nanoTime();
        Answer answer = http.post(PATH, "text/csv", body);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        System.out.printf("bank file: %d lines (%d bytes) for %d debts applied in %d ms, %.0f payments/s%n", lines,
                body.length, debts, millis, lines * 1000.0 / Math.max(1, millis));
        assertThat(body.length).as("beyond every other endpoint's 64 KiB").isGreaterThan(65_536);
        assertThat(answer.json().path("applied").asInt()).isEqualTo(lines);
        assertThat(payments() - paymentsBefore).isEqualTo(lines);
        assertThat(send(new String(body, StandardCharsets.UTF_8)).json().path("alreadyApplied").asInt())
                .isEqualTo(lines);
        assertThat(payments() - paymentsBefore).isEqualTo(lines);
    }

    private long payments() {
        return jdbc.sql("SELECT count(*) FROM event_log WHERE event_type = :type").param("type", PAYMENT_RECEIVED)
                .query(Long.class).single();
    }

    /** Registers the debts straight through the command gateway, eight at a time: the file is what is measured. */
    private void registerAll(List<String> debtIds) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> registrations = new ArrayList<>();
            for (String debtId : debtIds) {
                registrations.add(clients.submit(() -> commandGateway.sendAndWait(new RegisterDebt(new DebtId(debtId),
                        new CreditorId("acme-telecom"), new DebtorId("d-" + debtId), "INV-" + debtId,
                        new InvoicePeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)), "Broadband",
                        Money.of("100.00", "EUR"), LocalDate.of(2025, 2, 15), DebtType.CONSUMER, Jurisdiction.FI,
                        false, LocalDate.of(2025, 3, 1)))));
            }
            for (Future<?> registration : registrations) {
                registration.get();
            }
        } finally {
            clients.shutdown();
        }
    }
}
