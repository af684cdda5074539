package org.debtledger.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
    private static final Pattern BLOCK = Pattern.compile("```(bash|json)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CURL = Pattern.compile(
            "curl -s -X (\\w+) http://localhost:8080(\\S+)\\s+-H 'Content-Type: application/json'\\s+-d '(.*)'",
            Pattern.DOTALL);

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


    @Test
    void theWalkthroughAnswersAsTheReadmeShowsAndSurvivesARestart() throws Exception {
        List<Exchange> walkthrough = walkthrough();
        assertThat(walkthrough).hasSizeGreaterThanOrEqualTo(9);
        Exchange last = walkthrough.get(walkthrough.size() - 1);

        try (StandaloneLedger ledger = StandaloneLedger.start(dataDirectory)) {
            StandaloneLedger.Answer health = ledger.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("UP");

            for (Exchange exchange : walkthrough) {
                StandaloneLedger.Answer answer = exchange.body() == null
                        ? ledger.get(exchange.path())
                        : ledger.send(exchange.method(), exchange.path(), exchange.body());
                assertThat(answer.json()).as(exchange.method() + " " + exchange.path())
                        .isEqualTo(JSON.readTree(exchange.answer()));
            }

            assertThat(ledger.database.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
            List<String> types = ledger.database.sql("SELECT event_type FROM event_log ORDER BY position")
                    .query(String.class).list();
            assertThat(types).hasSize(9).last().isEqualTo("org.debtledger.debt.DebtSettled");
        }

        try (StandaloneLedger restarted = StandaloneLedger.start(dataDirectory)) {
            StandaloneLedger.Answer again = restarted.send(last.method(), last.path(), last.body());
            assertThat(again.json()).as("the settled debt is still settled after a restart")
                    .isEqualTo(JSON.readTree(last.answer()));
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
