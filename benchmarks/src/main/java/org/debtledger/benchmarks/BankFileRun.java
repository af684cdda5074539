package org.debtledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.debt.RegisterDebt;
import org.debtledger.money.Money;
import org.debtledger.payment.CreditorReference;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A month-end bank file: one payment for each of N debts ({@code -Dbenchmark.bank-file-payments}, default 50,000),
 * each paid with the debt's RF creditor reference. The debts are registered first through the command gateway (not
 * timed); then the file is sent as the operator and timed from the request until the answer, which comes once
 * every payment is durable. A run where any payment was not applied fails.
 */
final class BankFileRun {

    private BankFileRun() {
    }

    /** Registers the debts, then sends the file: only the file is timed, and profiled as {@code measurement}. */
    static Map<String, Object> measure(String measurement, CommandGateway gateway, HttpClient http, int port,
                                       int payments) throws Exception {
        String file = fileFor(register(gateway, payments));
        return Profiles.of(measurement, () -> send(http, port, file, payments));
    }

    /** A file paying 38.22 EUR to each of {@code debts}, by its RF reference. */
    static String fileFor(List<String> debts) {
        StringBuilder file = new StringBuilder("archive_id,reference,amount,currency,value_date\n");
        for (int i = 0; i < debts.size(); i++) {
            file.append("ARCHIVE-").append(i).append(',')
                    .append(CreditorReference.forDebt(new DebtId(debts.get(i))).printed())
                    .append(",38.22,EUR,2025-03-31\n");
        }
        return file.toString();
    }

    /** Sends the file as the operator; its size, seconds until the answer, and payments a second. */
    static Map<String, Object> send(HttpClient http, int port, String file, int payments) throws Exception {
        long begin = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/v1/operations/bank-files")).timeout(Duration.ofMinutes(30))
                        .header("Content-Type", "text/csv").header("Authorization", RunSecrets.OPERATOR)
                        .POST(HttpRequest.BodyPublishers.ofString(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - begin) / 1e9;
        JsonNode report = new ObjectMapper().readTree(answer.body());
        if (answer.statusCode() != 200 || report.path("applied").asInt() != payments) {
            throw new IllegalStateException("the bank file was not applied whole: " + answer.statusCode() + " "
                    + answer.body().substring(0, Math.min(2000, answer.body().length())));
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("payments", payments);
        figures.put("bytes", file.length());
        figures.put("seconds", Math.round(seconds * 100) / 100.0);
        figures.put("paymentsPerSecond", Math.round(payments / seconds));
        return figures;
    }

    /** Debts whose ids fit an RF reference (capital letters and digits, at most 21), registered by 16 clients at once. */
    static List<String> register(CommandGateway gateway, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<String>> registered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String debtId = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 20)
                    .toUpperCase(Locale.ROOT);
            registered.add(clients.submit(() -> {
                gateway.sendAndWait(new RegisterDebt(new DebtId(debtId), new CreditorId("acme-telecom"),
                        new DebtorId("d-bank-file"), "INV-1", new InvoicePeriod(LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 1, 31)), "Broadband", Money.of("100.00", "EUR"), LocalDate.of(2025, 2, 15),
                        DebtType.CONSUMER, Jurisdiction.FI, false, LocalDate.of(2025, 3, 1)));
                return debtId;
            }));
        }
        List<String> debts = new ArrayList<>();
        for (Future<String> debt : registered) {
            debts.add(debt.get());
        }
        clients.shutdown();
        return debts;
    }
}
