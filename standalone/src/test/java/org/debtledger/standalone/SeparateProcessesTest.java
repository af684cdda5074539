package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side and the query side as two separate JVM processes on one PostgreSQL, configured only by the
 * environment variables docker-compose.yml gives them: commands to one, queries to the other, each accepting only
 * signed tokens (the identity provider's, and the console's); and the console as a third process in front of them.
 */
class SeparateProcessesTest {

    @Test
    void commandsGoToOneProcessAndQueriesToAnotherAndAStoppedQuerySideCatchesUp(@TempDir Path logs) throws Exception {
        try (LedgerProcesses ledger = new LedgerProcesses(logs)) {
            LedgerProcesses.Side commands = ledger.commandSide("command-side").start();
            LedgerProcesses.Side queries = ledger.querySide("query-side").start();

            String debt = "debt-" + UUID.randomUUID();
            commands.json("POST", "/api/v1/debts", """
                    {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "d-1001", "invoiceReference": "INV-1",
                     "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"}, "description": "Broadband",
                     "principal": {"amount": "100.00", "currency": "EUR"}, "dueDate": "2025-02-15",
                     "debtType": "CONSUMER", "jurisdiction": "FI", "date": "2025-03-01"}""".formatted(debt), "ADVISOR");
            long position = commands.json("POST", "/api/v1/debts/" + debt + "/fees",
                    "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}", "ADVISOR").path("position").asLong();
            JsonNode view = queries.json("GET", "/api/v1/debts/" + debt + "?minPosition=" + position, null, "COMPLIANCE");
            assertThat(view.path("outstanding").path("total").path("amount").asText()).isEqualTo("114.00");

            queries.kill();
            long later = commands.json("POST", "/api/v1/debts/" + debt + "/write-off",
                    "{\"reason\": \"uncollectable\", \"date\": \"2025-03-06\"}", "ADVISOR").path("position").asLong();
            queries.start();
            JsonNode caughtUp = queries.awaitJson("GET", "/api/v1/debts/" + debt + "/history?minPosition=" + later,
                    null, "COMPLIANCE");
            assertThat(caughtUp.path("entries").size()).isEqualTo(4); // registered, the fee, its letter, written off
            assertThat(caughtUp.path("entries").get(0).path("actorId").asText()).isEqualTo("advisor-1");
            assertThat(queries.json("GET", "/api/v1/debts/" + debt, null, "COMPLIANCE").path("status").asText())
                    .isEqualTo("WRITTEN_OFF");

            String viewPath = "/api/v1/debts/" + debt;
            TestTokens otherProvider = new TestTokens(Files.createDirectories(logs.resolve("another-provider")));
            assertThat(queries.send("GET", viewPath, null, "x", "COMPLIANCE").statusCode()).isEqualTo(200);
            assertThat(status(queries, viewPath, null)).as("no token").isEqualTo(401);
            assertThat(status(queries, viewPath, otherProvider.bearer("intruder", "COMPLIANCE")))
                    .as("a token signed by another key").isEqualTo(401);
            assertThat(queries.send("GET", viewPath, null, "reader", "INTEGRATION").statusCode())
                    .as("a role not allowed").isEqualTo(403);
            assertThat(queries.send("GET", "/api/v1/events?after=0", null, "reader", "INTEGRATION").statusCode())
                    .isEqualTo(200);

            // each side serves its own figures, to operators only: the commands here, the read models there
            HttpResponse<String> commandFigures = commands.send("GET", "/actuator/prometheus", null, "ops", "OPERATOR");
            assertThat(commandFigures.statusCode()).isEqualTo(200);
            assertThat(new Scrape(commandFigures.body()).count("ledger_commands_total", "type", "RegisterDebt",
                    "outcome", "accepted")).isEqualTo(1);
            HttpResponse<String> queryFigures = queries.send("GET", "/actuator/prometheus", null, "ops", "OPERATOR");
            assertThat(queryFigures.statusCode()).isEqualTo(200);
            assertThat(new Scrape(queryFigures.body()).value("ledger_projection_lag_events", "projection", "debts"))
                    .isPresent();
            assertThat(commands.send("GET", "/actuator/prometheus", null, "reader", "ADVISOR").statusCode())
                    .isEqualTo(403);
            assertThat(queries.send("GET", "/actuator/prometheus", null, "reader", "COMPLIANCE").statusCode())
                    .isEqualTo(403);

            // each side describes the API it serves, and only that
            JsonNode commandApi = commands.json("GET", "/v3/api-docs", null, "OPERATOR").path("paths");
            JsonNode queryApi = queries.json("GET", "/v3/api-docs", null, "OPERATOR").path("paths");
            assertThat(commandApi.has("/api/v1/debts/{debtId}/fees")).isTrue();
            assertThat(commandApi.has("/api/v1/debts/{debtId}/history")).isFalse();
            assertThat(queryApi.has("/api/v1/debts/{debtId}/history")).isTrue();
            assertThat(queryApi.has("/api/v1/debts/{debtId}/fees")).isFalse();
            assertThat(queries.send("GET", "/v3/api-docs", null, "reader", "INTEGRATION").statusCode()).isEqualTo(403);

            String password = UUID.randomUUID().toString();
            LedgerProcesses.Side console = ledger.console("console", commands, queries, password).start();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(2)).build();
            String signIn = browser.send(HttpRequest.newBuilder(console.uri("/console/sign-in")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signIn);
            assertThat(csrf.find()).as(signIn).isTrue();
            HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(console.uri("/console/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=advisor&password=" + password + "&_csrf="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.headers().firstValue("Location")).get().asString().endsWith("/console");
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(console.uri("/console/debts/" + debt))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).as("the debt, read from the query side as the advisor signed in to the console")
                    .contains("WRITTEN_OFF").contains("INV-1").contains("advisor-1 (ADVISOR)");
        }
    }

    private static int status(LedgerProcesses.Side side, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(side.uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
