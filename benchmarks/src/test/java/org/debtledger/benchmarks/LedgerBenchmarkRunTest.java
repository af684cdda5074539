package org.debtledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the benchmark once, at the size the build gives it (1 s a measurement unless -Dbenchmark.seconds says
 * otherwise), so that it keeps working. It asserts that every figure was measured, never how fast: timings on a
 * shared machine are no pass or fail.
 */
class LedgerBenchmarkRunTest {

    @Test
    void theBenchmarkMeasuresEveryFigureAndWritesThemDown() throws Exception {
        Path results = Path.of(System.getProperty("benchmark.results", "target/benchmark-results.json"));
        if (System.getProperty("benchmark.aggregate-events") == null) {
            System.setProperty("benchmark.aggregate-events", "150"); // the build's tiny size: past one snapshot
        }
        if (System.getProperty("benchmark.read-side-events") == null) {
            System.setProperty("benchmark.read-side-events", "3000"); // copies of the debts the tiny run registers
        }
        if (System.getProperty("benchmark.bank-file-payments") == null) {
            System.setProperty("benchmark.bank-file-payments", "200");
        }
        if (System.getProperty("benchmark.busy-hour-payments") == null) {
            System.setProperty("benchmark.busy-hour-payments", "200");
        }
        LedgerBenchmark.main(new String[]{System.getProperty("benchmark.seconds", "1"), results.toString()});

        JsonNode written = new ObjectMapper().readTree(results.toFile());
        if (Long.getLong("benchmark.console-debts", 0) > 0) {
            JsonNode console = written.path("consolePages");
            assertThat(console.path("debts").asLong()).isGreaterThanOrEqualTo(Long.getLong("benchmark.console-debts"));
            for (String page : new String[]{"debtorPage", "debtPage", "queuePage"}) {
                assertThat(console.path(page).path("requests").asLong()).as(page).isPositive();
            }
        }
        if ("console".equals(System.getProperty("benchmark.only"))) {
            return; // the console's pages alone were asked for
        }
        if ("http".equals(System.getProperty("benchmark.only"))) {
            assertThat(written.path("commandsOverHttp")).hasSize(9);
            written.path("commandsOverHttp")
                    .forEach(row -> assertThat(row.path("ratioToCeiling").asDouble()).isPositive());
            return;
        }
        if ("read-side".equals(System.getProperty("benchmark.only"))) {
            assertThat(written.path("readSide").path("rebuildEventsPerSecond").asLong()).isPositive();
            return;
        }
        if ("at-work".equals(System.getProperty("benchmark.only"))) {
            assertThat(written.path("bothSidesAtWork")).hasSize(3);
            written.path("bothSidesAtWork").forEach(round -> {
                assertThat(round.path("queriesAnswered").asLong()).isPositive();
                assertThat(round.path("busyHourQueriesAnswered").asLong()).isPositive();
            });
            return;
        }
        if ("bank-file".equals(System.getProperty("benchmark.only"))) {
            assertThat(written.path("bankFiles")).hasSize(3);
            written.path("bankFiles").forEach(file -> assertThat(file.path("paymentsPerSecond").asLong()).isPositive());
            return;
        }
        assertThat(written.path("figures")).hasSize(12);
        written.path("figures").forEach(figure -> assertThat(figure.path("perSecond").asLong()).isPositive());
        List<String> measured = new ArrayList<>();
        written.path("figures").forEach(figure -> measured.add(figure.path("figure").asText() + " "
                + figure.path("clients").asInt()));
        for (int clients : new int[]{1, 4, 16}) {
            assertThat(measured).contains("ceiling " + clients, "commands " + clients, "in-process " + clients,
                    "plain-axon " + clients);
        }
        // Hibernate on the benchmark's classpath must not change the ledger: it still appends through JDBC
        JsonNode inProcess = written.path("inProcess");
        assertThat(inProcess.path("ledgerEventStorageEngine").asText()).isEqualTo("GroupedStorageEngine");
        assertThat(inProcess.path("plainAxon").path("eventsStored").asLong()).isPositive();
        assertThat(inProcess.path("plainAxon").path("payloadColumnType").asText()).isEqualTo("bytea");
        assertThat(written.path("machine").path("cores").asInt()).isPositive();
        String[] sizes = System.getProperty("benchmark.aggregate-events").split(",");
        assertThat(written.path("aggregateLoad")).hasSize(sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            JsonNode load = written.path("aggregateLoad").get(i);
            // the registration, the payments, and the interest posted before the first payment
            assertThat(load.path("events").asLong()).isEqualTo(Long.parseLong(sizes[i].trim()) + 1);
            assertThat(load.path("withSnapshotsMillis").asDouble()).isPositive();
            assertThat(load.path("eventsOnlyMillis").asDouble()).isPositive();
        }
        JsonNode readSide = written.path("readSide");
        assertThat(readSide.path("events").asLong())
                .isGreaterThanOrEqualTo(Long.getLong("benchmark.read-side-events"));
        assertThat(readSide.path("streamEventsReceived").asLong()).isEqualTo(readSide.path("events").asLong());
        assertThat(readSide.path("streamPasses").asLong()).isPositive();
        for (String rate : new String[]{"startAndCatchUpEventsPerSecond", "rebuildEventsPerSecond",
                "streamFirstPassEventsPerSecond", "streamEventsPerSecond"}) {
            assertThat(readSide.path(rate).asLong()).as(rate).isPositive();
        }
        JsonNode storage = readSide.path("storage");
        assertThat(storage.path("events").asLong()).isPositive().isLessThanOrEqualTo(readSide.path("events").asLong());
        for (String part : new String[]{"eventTable", "readModels", "database"}) {
            assertThat(storage.path(part).path("bytesPerEvent").asLong()).as(part).isPositive();
        }
        assertThat(storage.path("eventIndexes").path("domainevententry_pkey").path("bytes").asLong()).isPositive();
        assertThat(readSide.path("busyHourBankFile").path("payments").asInt())
                .isEqualTo(Integer.getInteger("benchmark.busy-hour-payments"));
        assertThat(readSide.path("busyHourCloseOfBusiness").path("debts").asLong())
                .as("close of business visits every debt, the bank file's among them")
                .isGreaterThanOrEqualTo(Integer.getInteger("benchmark.busy-hour-payments"));
        assertThat(readSide.path("busyHourQueriesAnswered").asLong()).isPositive();
        assertThat(readSide.path("busyHourProjectionLagSamples").asLong()).isPositive();
        assertThat(written.path("groupCommitWindows")).hasSize(6);
        written.path("groupCommitWindows").forEach(window ->
                assertThat(window.path("perSecond").asLong()).as(window.toString()).isPositive());
        JsonNode halfRate = written.path("commandsAtHalfTheSustainableRate");
        assertThat(halfRate.path("perSecondAsked").asLong()).isPositive();
        assertThat(halfRate.path("p99Millis").asDouble()).isPositive();
        assertThat(written.path("bankFile").path("payments").asInt())
                .isEqualTo(Integer.getInteger("benchmark.bank-file-payments"));
        assertThat(written.path("bankFile").path("paymentsPerSecond").asLong()).isPositive();
        assertThat(written.path("bankFileWarm").path("paymentsPerSecond").asLong()).isPositive();
        JsonNode memory = written.path("standaloneMemory");
        assertThat(memory.path("commandsPerSecond").asLong()).isPositive();
        assertThat(memory.path("collections").asInt()).isPositive();
        assertThat(memory.path("peakResidentMiB").asLong()).isPositive();
        assertThat(memory.path("peakHeapInUseMiB").asLong()).isPositive();
        List<String> judged = new ArrayList<>();
        written.path("targets").forEach(target -> {
            if (!target.path("now").isNull()) {
                judged.add(target.path("target").asText());
            }
        });
        assertThat(judged).as("every target a run of this size measures is judged")
                .contains("commands over HTTP at 16 clients, ratio to the ceiling",
                        "commands in process at 16 clients, ratio to the ceiling",
                        "command latency p99 at half the sustainable rate",
                        "queries p99 at 200 a second while a bank file and close of business run",
                        "rebuild of both read models", "standalone ledger's heap in use at its peak");
    }
}
