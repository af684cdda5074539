package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README is true: the standalone ledger starts on a fresh embedded PostgreSQL, answers every request of the
 * walk-through exactly as the README shows, keeps the ledger across a restart, and its database is durable and
 * listens on loopback only.
 */
class ReadmeWalkthroughTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BLOCK = Pattern.compile("```(bash|json)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CURL = Pattern.compile(
            "curl -s -X (\\w+) http://localhost:8080(\\S+)\\s+-H 'Content-Type: application/json'\\s+-d '(.*)'",
            Pattern.DOTALL);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDirectory;

    record Exchange(String method, String path, String body, String answer) {
    }

    /** Every curl request of the README with the JSON answer shown right after it. */
    static List<Exchange> walkthrough() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<Exchange> exchanges = new ArrayList<>();
        Matcher blocks = BLOCK.matcher(readme);
        Matcher pending = null;
        while (blocks.find()) {
            String text = blocks.group(2).replace("\\\n", " ");
            if (blocks.group(1).equals("bash") && text.startsWith("curl -s -X")) {
                pending = CURL.matcher(text.trim());
                assertThat(pending.matches()).as("a README request of the expected form: " + text).isTrue();
            } else if (blocks.group(1).equals("json") && pending != null) {
                exchanges.add(new Exchange(pending.group(1), pending.group(2), pending.group(3), text));
                pending = null;
            }
        }
        return exchanges;
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--ledger.close-of-business.scheduled=false",
                "--ledger.embedded-db.port=0", "--ledger.embedded-db.durable=false",
                "--ledger.embedded-db.data-directory=" + dataDirectory);
    }

    private HttpResponse<String> send(ConfigurableApplicationContext ledger, String method, String path, String body)
            throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theWalkthroughAnswersAsTheReadmeShowsAndSurvivesARestart() throws Exception {
        List<Exchange> walkthrough = walkthrough();
        assertThat(walkthrough).hasSizeGreaterThanOrEqualTo(9);
        Exchange last = walkthrough.get(walkthrough.size() - 1);

        try (ConfigurableApplicationContext ledger = start()) {
            HttpResponse<String> health = send(ledger, "GET", "/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");

            for (Exchange exchange : walkthrough) {
                HttpResponse<String> answer = send(ledger, exchange.method(), exchange.path(), exchange.body());
                assertThat(JSON.readTree(answer.body())).as(exchange.method() + " " + exchange.path())
                        .isEqualTo(JSON.readTree(exchange.answer()));
            }

            JdbcClient database = JdbcClient.create(ledger.getBean(javax.sql.DataSource.class));
            assertThat(database.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
            List<String> types = database.sql("SELECT event_type FROM event_log ORDER BY position")
                    .query(String.class).list();
            assertThat(types).hasSize(9).last().isEqualTo("org.debtledger.debt.DebtSettled");
        }

        try (ConfigurableApplicationContext restarted = start()) {
            HttpResponse<String> again = send(restarted, last.method(), last.path(), last.body());
            assertThat(JSON.readTree(again.body())).as("the settled debt is still settled after a restart")
                    .isEqualTo(JSON.readTree(last.answer()));
        }
    }

    @Test
    void theStandaloneDatabaseIsDurableUnlessToldOtherwise() {
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--ledger.close-of-business.scheduled=false",
                "--ledger.embedded-db.port=0", "--ledger.embedded-db.data-directory=" + dataDirectory)) {
            JdbcClient database = JdbcClient.create(ledger.getBean(javax.sql.DataSource.class));
            assertThat(database.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(database.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        }
    }
}
