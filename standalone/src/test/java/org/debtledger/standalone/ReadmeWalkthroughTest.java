package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final Pattern BLOCK = Pattern.compile("```(bash|json|json excerpt|text)\\n(.*?)```", Pattern.DOTALL);
    /** Who asks: a local user, with the password the ledger printed or was given, {@code $LEDGER_PASSWORD_<USER>}. */
    private static final String AS = "-u \"(\\w+):\\$LEDGER_PASSWORD_\\w+\" ";
    private static final Pattern CURL_SSE = Pattern.compile(
            "curl -s -N --max-time \\d+ " + AS + "-H 'Last-Event-ID: (\\d+)' 'http://localhost:8080([^']+)'");
    private static final Pattern CURL_GET = Pattern.compile("curl -s " + AS + "'?http://localhost:8080([^'\\s]+)'?");
    /** A request with a body: JSON with {@code -d}, or a bank file's CSV with {@code --data-binary}, lines kept. */
    private static final Pattern CURL = Pattern.compile("curl -s " + AS + "-X (\\w+) http://localhost:8080(\\S+)"
            + "\\s+-H 'Content-Type: (application/json|text/csv)'\\s+(?:-d|--data-binary) '(.*)'", Pattern.DOTALL);
    private static final Pattern PASSWORD_VARIABLE = Pattern.compile("-u \"(\\w+):\\$LEDGER_PASSWORD_(\\w+)\"");
    /** A query of the embedded database with psql, as the README shows it: the SQL is what {@code -c} runs. */
    private static final Pattern PSQL = Pattern.compile("PGPASSWORD=\"\\$\\(cat data/postgres-password\\)\" psql"
            + " -h 127\\.0\\.0\\.1 -p 54320 -U postgres -c \"(.*)\"", Pattern.DOTALL);
    /** The documents whose requests run, in this order, one after the other on one ledger. */
    private static final List<Path> DOCUMENTS = List.of(Path.of("..", "README.md"),
            Path.of("..", "docs", "bank-files.md"), Path.of("..", "docs", "rules.md"));

    @TempDir
    Path dataDirectory;

    /** A request and the answer shown for it: all of it, or for an excerpt the fields shown. */
    record Exchange(String user, String method, String path, String contentType, String body, String answer,
                    boolean excerpt) {
    }

    /** Every curl request of the README, then of the documents it sends its examples to, with the answer shown. */
    static List<Exchange> walkthrough() throws IOException {
        List<Exchange> exchanges = new ArrayList<>();
        for (Path document : DOCUMENTS) {
            exchanges.addAll(exchanges(Files.readString(document)));
        }
        return exchanges;
    }

    /** The SQL of every psql example of the README. */
    static List<String> psqlQueries() throws IOException {
        List<String> queries = new ArrayList<>();
        Matcher blocks = BLOCK.matcher(Files.readString(DOCUMENTS.get(0)));
        while (blocks.find()) {
            Matcher psql = PSQL.matcher(blocks.group(2).trim());
            if (blocks.group(1).equals("bash") && psql.matches()) {
                queries.add(psql.group(1));
            }
        }
        return queries;
    }

    private static List<Exchange> exchanges(String document) {
        List<Exchange> exchanges = new ArrayList<>();
        Matcher blocks = BLOCK.matcher(document);
        String[] pending = null;
        while (blocks.find()) {
            String text = blocks.group(2).replace("\\\n", " ").trim();
            if (blocks.group(1).equals("bash") && text.startsWith("curl -s ")) {
                Matcher variable = PASSWORD_VARIABLE.matcher(text);
                assertThat(variable.find() && variable.group(2).equals(variable.group(1).toUpperCase()))
                        .as("a README request names its user and that user's password variable: " + text).isTrue();
            }
            if (blocks.group(1).equals("bash") && CURL.matcher(text).matches()) {
                Matcher post = CURL.matcher(text);
                post.matches();
                pending = new String[]{post.group(1), post.group(2), post.group(3), post.group(4), post.group(5)};
            } else if (blocks.group(1).equals("bash") && text.startsWith("curl -s -N")) {
                Matcher sse = CURL_SSE.matcher(text);
                assertThat(sse.matches()).as("a README request of the expected form: " + text).isTrue();
                pending = new String[]{sse.group(1), "SSE", sse.group(3), null, sse.group(2)};
            } else if (blocks.group(1).equals("bash") && text.startsWith("curl -s ")) {
                Matcher get = CURL_GET.matcher(text);
                assertThat(get.matches()).as("a README request of the expected form: " + text).isTrue();
                pending = new String[]{get.group(1), "GET", get.group(2), null, null};
            } else if ((blocks.group(1).startsWith("json") || blocks.group(1).equals("text")) && pending != null) {
                exchanges.add(new Exchange(pending[0], pending[1], pending[2], pending[3], pending[4], text,
                        blocks.group(1).endsWith("excerpt")));
                pending = null;
            }
        }
        return exchanges;
    }


    @Test
    void theWalkthroughAnswersAsTheReadmeShowsAndSurvivesARestart() throws Exception {
        List<Exchange> walkthrough = walkthrough();
        assertThat(walkthrough).hasSizeGreaterThanOrEqualTo(18);
        List<String> psqlQueries = psqlQueries();
        assertThat(psqlQueries).isNotEmpty();
        Exchange lastPayment = walkthrough.stream().filter(exchange -> exchange.path().endsWith("/payments"))
                .reduce((first, second) -> second).orElseThrow();

        try (StandaloneLedger ledger = StandaloneLedger.start(dataDirectory)) {
            StandaloneLedger.Answer health = ledger.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("UP");

            for (Exchange exchange : walkthrough) {
                StandaloneLedger as = ledger.as(exchange.user());
                if (exchange.method().equals("SSE")) {
                    assertStreamStartsWith(as, exchange);
                    continue;
                }
                StandaloneLedger.Answer answer = exchange.body() == null
                        ? as.get(exchange.path())
                        : as.send(exchange.method(), exchange.path(), exchange.body(), "Content-Type",
                        exchange.contentType());
                JsonNode shown = JSON.readTree(exchange.answer());
                if (exchange.excerpt()) {
                    assertContains(answer.json(), shown, exchange.method() + " " + exchange.path());
                } else {
                    assertThat(answer.json()).as(exchange.method() + " " + exchange.path()).isEqualTo(shown);
                }
            }

            for (String query : psqlQueries) {
                assertThat(ledger.database.sql(query).query().listOfRows()).as(query).isNotEmpty();
            }
            assertThat(ledger.database.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
            List<String> types = ledger.database.sql("SELECT event_type FROM event_log WHERE debt_id = :debt"
                    + " ORDER BY position").param("debt", lastPayment.path().split("/")[4]).query(String.class).list();
            // the demand's letter among them
            assertThat(types).hasSize(10).last().isEqualTo("org.debtledger.debt.DebtSettled");
        }

        try (StandaloneLedger restarted = StandaloneLedger.start(dataDirectory)) {
            StandaloneLedger.Answer again = restarted.as(lastPayment.user()).send(lastPayment.method(),
                    lastPayment.path(), lastPayment.body());
            assertThat(again.json()).as("the settled debt is still settled after a restart")
                    .isEqualTo(JSON.readTree(lastPayment.answer()));
        }
    }

    /** The live stream's first lines begin as shown (the body of an SSE request holds its Last-Event-ID). */
    private static void assertStreamStartsWith(StandaloneLedger ledger, Exchange exchange) throws Exception {
        HttpRequest request = ledger.request(exchange.path())
                .header("Last-Event-ID", exchange.body()).timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String shown : exchange.answer().split("\n")) {
                assertThat(lines.readLine()).as(exchange.path()).startsWith(shown);
            }
        }
    }

    /** Every field shown is in the answer with the value shown; array elements are matched in order. */
    private static void assertContains(JsonNode actual, JsonNode shown, String where) {
        if (shown.isObject()) {
            shown.fieldNames().forEachRemaining(field -> {
                assertThat(actual.has(field)).as(where + ": has " + field).isTrue();
                assertContains(actual.get(field), shown.get(field), where + "." + field);
            });
        } else if (shown.isArray()) {
            assertThat(actual.size()).as(where + ": size").isGreaterThanOrEqualTo(shown.size());
            for (int i = 0; i < shown.size(); i++) {
                assertContains(actual.get(i), shown.get(i), where + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(where).isEqualTo(shown);
        }
    }

    @Test
    void theStandaloneDatabaseIsDurableUnlessToldOtherwise() {
        try (StandaloneLedger ledger = StandaloneLedger.start(dataDirectory, "--ledger.embedded-db.durable=true")) {
            assertThat(ledger.database.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(ledger.database.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        }
    }
}
