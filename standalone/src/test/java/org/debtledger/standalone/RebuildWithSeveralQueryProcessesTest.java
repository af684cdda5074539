package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read model rebuilt by one of two query processes on one PostgreSQL: the other lets its segments go, answers
 * reads from the active version meanwhile, and takes its share again afterwards.
 */
class RebuildWithSeveralQueryProcessesTest {

    /** The query processes holding a segment of the debts' processor, by process id. */
    private static List<String> holders(JdbcClient database) {
        return database.sql("SELECT DISTINCT split_part(owner, '@', 1) FROM tokenentry"
                + " WHERE processorname = 'debts' AND owner IS NOT NULL ORDER BY 1").query(String.class).list();
    }

    private static List<String> pids(LedgerProcesses.Side... sides) {
        return java.util.Arrays.stream(sides).map(side -> String.valueOf(side.pid())).sorted().toList();
    }

    private static long position(JsonNode answer) {
        return answer.path("position").asLong();
    }

    @Test
    void oneProcessRebuildsWhileTheOtherGivesWayAndAnswersThenBothGoOn() throws Exception {
        // the processes' logs stay in target/ for a look after a failure
        Path logs = Files.createDirectories(Path.of("target", "rebuild-logs", UUID.randomUUID().toString()));
        try (LedgerProcesses ledger = new LedgerProcesses(logs)) {
            LedgerProcesses.Side commands = ledger.commandSide("command-side").start();
            LedgerProcesses.Side rebuilding = ledger.querySide("query-a").start();
            LedgerProcesses.Side other = ledger.querySide("query-b").start();
            DataSource postgres = ledger.postgres.getPostgresDatabase();
            JdbcClient database = JdbcClient.create(postgres);

            List<String> debts = new ArrayList<>();
            long position = 0;
            for (int i = 0; i < 4; i++) {
                String debt = "debt-" + UUID.randomUUID();
                debts.add(debt);
                commands.json("POST", "/api/v1/debts", """
                        {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "d-%d", "invoiceReference": "INV-%d",
                         "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"}, "description": "Broadband",
                         "principal": {"amount": "100.00", "currency": "EUR"}, "dueDate": "2025-02-15",
                         "debtType": "CONSUMER", "jurisdiction": "FI", "date": "2025-03-01"}"""
                        .formatted(debt, i, i), "ADVISOR");
                position = position(commands.json("POST", "/api/v1/debts/" + debt + "/fees",
                        "{\"type\": \"DEMAND\", \"date\": \"2025-03-05\"}", "ADVISOR"));
            }
            long registered = position;
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(holders(database))
                    .as("both query processes hold segments of the debts").isEqualTo(pids(rebuilding, other)));
            other.awaitJson("GET", "/api/v1/debts/" + debts.get(0) + "?minPosition=" + registered, null, "COMPLIANCE");

            String debt = debts.get(0);
            long during;
            // the fill's first step, clearing the model's dead letters, waits while this holds their table
            try (Connection holding = postgres.getConnection()) {
                holding.setAutoCommit(false);
                holding.createStatement().execute("LOCK TABLE deadletterentry IN SHARE MODE");
                JsonNode started = rebuilding.json("POST", "/api/v1/admin/projections/debts/rebuild", null, "OPERATOR");
                assertThat(started.path("buildingVersion").asInt()).as(started.toString()).isEqualTo(2);
                assertThat(holders(database)).as("the rebuilding process holds every segment")
                        .isEqualTo(pids(rebuilding));

                JsonNode view = other.json("GET", "/api/v1/debts/" + debt, null, "COMPLIANCE");
                assertThat(view.path("outstanding").path("total").path("amount").asText()).isEqualTo("114.00");
                assertThat(other.json("GET", "/api/v1/admin/projections/debts/status", null, "OPERATOR")
                        .path("status").asText()).isEqualTo("RUNNING");
                // a command meanwhile: the active version receives no events until the rebuild is over
                during = position(commands.json("POST", "/api/v1/debts/" + debt + "/fees",
                        "{\"type\": \"REMINDER\", \"date\": \"2025-06-01\"}", "ADVISOR"));
                HttpResponse<String> notYet = other.send("GET", "/api/v1/debts/" + debt + "?minPosition=" + during,
                        null, "compliance-1", "COMPLIANCE");
                assertThat(notYet.statusCode()).as(notYet.body()).isEqualTo(503);
                assertThat(holders(database)).as("the other process claims nothing while the rebuild runs")
                        .isEqualTo(pids(rebuilding));
                holding.rollback();
            }

            JsonNode done = await().atMost(Duration.ofSeconds(30))
                    .until(() -> other.json("GET", "/api/v1/admin/projections/debts/status", null, "OPERATOR"),
                            status -> !status.path("status").asText().equals("RUNNING"));
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
            assertThat(done.path("activeVersion").asInt()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(holders(database))
                    .as("both query processes hold segments of the debts again").isEqualTo(pids(rebuilding, other)));

            long after = position(commands.json("POST", "/api/v1/debts/" + debt + "/payments", """
                    {"paymentId": "RF-1", "amount": {"amount": "20.00", "currency": "EUR"}, "valueDate": "2025-06-02",
                     "channel": "BANK_FILE"}""", "ADVISOR"));
            for (LedgerProcesses.Side query : List.of(rebuilding, other)) {
                JsonNode fresh = query.json("GET", "/api/v1/debts/" + debt + "?minPosition=" + after, null,
                        "COMPLIANCE");
                assertThat(fresh.path("position").asLong()).as(query.name).isEqualTo(after);
                JsonNode history = query.json("GET", "/api/v1/debts/" + debt + "/history?minPosition=" + after, null,
                        "COMPLIANCE").path("entries");
                List<String> fees = new ArrayList<>();
                history.forEach(entry -> fees.add(entry.path("details").path("type").asText()));
                // the reminder charged during the rebuild, and the payment after it
                assertThat(fees).as(query.name + ": " + history).containsSubsequence("DEMAND", "REMINDER");
                assertThat(history.get(history.size() - 1).path("type").asText()).isEqualTo("PaymentReceived");
            }
        }
    }
}
