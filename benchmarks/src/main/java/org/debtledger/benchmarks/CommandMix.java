package org.debtledger.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * A realistic mix for one client of the command API, as an advisor over HTTP: register a debt, charge a demand,
 * agree a plan, then pay three times.
 */
final class CommandMix implements Load.Operation {
    private final HttpClient http;
    private final String base;
    private final String debtorId;
    private String debt;
    private int step;

    CommandMix(HttpClient http, int port) {
        this(http, port, "d-1");
    }

    /** The mix for debts of {@code debtorId}. */
    CommandMix(HttpClient http, int port, String debtorId) {
        this.http = http;
        this.base = "http://127.0.0.1:" + port + "/api/v1/debts";
        this.debtorId = debtorId;
    }

    @Override
    public void run() throws Exception {
        switch (step++ % 6) {
            case 0 -> {
                debt = "debt-" + UUID.randomUUID();
                post(base, """
                        {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "%s", "invoiceReference": "INV-1",
                         "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"}, "description": "Broadband",
                         "principal": {"amount": "100.00", "currency": "EUR"}, "dueDate": "2025-02-15",
                         "debtType": "CONSUMER", "jurisdiction": "FI", "date": "2025-03-01"}"""
                        .formatted(debt, debtorId));
            }
            case 1 -> post(base + "/" + debt + "/fees", "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}");
            case 2 -> post(base + "/" + debt + "/payment-plans", """
                    {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "38.22", "currency": "EUR"}},
                                     {"dueDate": "2025-05-01", "amount": {"amount": "38.22", "currency": "EUR"}},
                                     {"dueDate": "2025-06-01", "amount": {"amount": "38.22", "currency": "EUR"}}],
                     "channel": "SELF_SERVICE", "date": "2025-03-10"}""");
            default -> post(base + "/" + debt + "/payments", "{\"paymentId\": \"RF-" + step + "\", \"amount\": "
                    + "{\"amount\": \"38.22\", \"currency\": \"EUR\"}, \"valueDate\": \"2025-03-31\","
                    + " \"channel\": \"BANK_FILE\"}");
        }
    }

    /** Sends a command and answers the position of its last event. */
    long postForPosition(String uri, String body) throws IOException, InterruptedException {
        return new ObjectMapper().readTree(postAnswer(uri, body)).path("position").asLong();
    }

    private void post(String uri, String body) throws IOException, InterruptedException {
        postAnswer(uri, body);
    }

    private String postAnswer(String uri, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", RunSecrets.ADVISOR)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("the ledger refused a benchmark command: " + response.body());
        }
        return response.body();
    }
}
