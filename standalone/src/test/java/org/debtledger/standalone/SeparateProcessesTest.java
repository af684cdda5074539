package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side and the query side as two separate JVM processes on one PostgreSQL, configured only by the
 * environment variables docker-compose.yml gives them: commands to one, queries to the other, each accepting only
 * the identity provider's signed tokens.
 */
class SeparateProcessesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> started = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private TestTokens tokens;

    @AfterEach
    void stop() throws Exception {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A side as compose runs it: its own main class, its own settings file, the database from the environment.
     * (The port is passed directly: here the classpath is the standalone module's, whose application.yml is not
     * the side's own.)
     */
    private Process start(String mainClass, String settings, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                mainClass, "--spring.config.location=classpath:" + settings, "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--ledger.close-of-business.scheduled=false", tokens.setting())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LEDGER_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        builder.environment().put("LEDGER_DB_USER", "postgres");
        builder.environment().put("LEDGER_DB_PASSWORD", "");
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy(int port, Process process, Path log) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(process.isAlive()).as("process alive; see " + log).isTrue();
            HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health")).timeout(Duration.ofSeconds(2)).GET().build());
            return health != null && health.statusCode() == 200 && health.body().contains("UP");
        });
    }

    private JsonNode post(int port, String path, String body) throws IOException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", tokens.bearer("advisor-7", "ADVISOR"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
        return JSON.readTree(answer.body());
    }

    private JsonNode get(int port, String path) throws IOException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", tokens.bearer("compliance-1", "COMPLIANCE"))
                .timeout(Duration.ofSeconds(30)).GET().build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    @Test
    void commandsGoToOneProcessAndQueriesToAnotherAndAStoppedQuerySideCatchesUp(@org.junit.jupiter.api.io.TempDir Path logs)
            throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        tokens = new TestTokens(logs);
        int commandPort = freePort();
        int queryPort = freePort();
        Path commandLog = logs.resolve("command-side.log");
        Process commandSide = start("org.debtledger.command.CommandSideApplication", "debt-ledger-command.yml",
                commandPort, commandLog);
        awaitHealthy(commandPort, commandSide, commandLog);
        Path queryLog = logs.resolve("query-side.log");
        Process querySide = start("org.debtledger.query.QuerySideApplication", "debt-ledger-query.yml",
                queryPort, queryLog);
        awaitHealthy(queryPort, querySide, queryLog);

        String debt = "debt-" + UUID.randomUUID();
        post(commandPort, "/api/v1/debts", """
                {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "d-1001", "invoiceReference": "INV-1",
                 "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"}, "description": "Broadband",
                 "principal": {"amount": "100.00", "currency": "EUR"}, "dueDate": "2025-02-15",
                 "debtType": "CONSUMER", "jurisdiction": "FI", "date": "2025-03-01"}""".formatted(debt));
        long position = post(commandPort, "/api/v1/debts/" + debt + "/fees",
                "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}").path("position").asLong();
        JsonNode view = get(queryPort, "/api/v1/debts/" + debt + "?minPosition=" + position);
        assertThat(view.path("outstanding").path("total").path("amount").asText()).isEqualTo("114.00");

        querySide.destroy();
        assertThat(querySide.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        long later = post(commandPort, "/api/v1/debts/" + debt + "/write-off",
                "{\"reason\": \"uncollectable\", \"date\": \"2025-03-06\"}").path("position").asLong();
        Process restarted = start("org.debtledger.query.QuerySideApplication", "debt-ledger-query.yml",
                queryPort, logs.resolve("query-side-again.log"));
        awaitHealthy(queryPort, restarted, logs.resolve("query-side-again.log"));
        JsonNode caughtUp = get(queryPort, "/api/v1/debts/" + debt + "/history?minPosition=" + later);
        assertThat(caughtUp.path("entries").size()).isEqualTo(3);
        assertThat(caughtUp.path("entries").get(0).path("actorId").asText()).isEqualTo("advisor-7");
        assertThat(get(queryPort, "/api/v1/debts/" + debt).path("status").asText()).isEqualTo("WRITTEN_OFF");

        String viewPath = "/api/v1/debts/" + debt;
        assertThat(status(queryPort, viewPath, null)).as("no token").isEqualTo(401);
        assertThat(status(queryPort, viewPath, new TestTokens(java.nio.file.Files.createDirectories(logs.resolve("another-provider"))).bearer("intruder", "COMPLIANCE")))
                .as("a token signed by another key").isEqualTo(401);
        assertThat(status(queryPort, viewPath, tokens.bearer("stream-reader", "INTEGRATION"))).as("a role not allowed")
                .isEqualTo(403);
        assertThat(status(queryPort, "/api/v1/events?after=0", tokens.bearer("stream-reader", "INTEGRATION")))
                .isEqualTo(200);
    }

    private int status(int port, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build()).statusCode();
    }
}
