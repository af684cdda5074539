package org.debtledger.command.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.debtledger.command.CommandSideTest;
import org.debtledger.command.LedgerHttp.Answer;
import org.debtledger.command.TestDatabase;
import org.debtledger.debt.DebtId;
import org.debtledger.payment.CreditorReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Close of business and bank files recorded as runs: answered at once or at the end, followed, listed. */
class OperationRunsTest extends CommandSideTest {

    private static final String CLOSE_OF_BUSINESS = "/api/v1/operations/close-of-business";
    private static final String BANK_FILES = "/api/v1/operations/bank-files";
    private static final String RUNS = "/api/v1/operations/runs";
    private static final String HEADER = "archive_id,reference,amount,currency,value_date\n";
    private static final String[] RESPOND_ASYNC = {"Prefer", "respond-async"};

    @Autowired
    OperationRuns runs;

    @Autowired
    JsonMapper json;

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "operation_runs");
    }

    private String registeredPayableDebt() {
        String debtId = "OR" + UUID.randomUUID().toString().replace("-", "").substring(0, 19).toUpperCase();
        Answer answer = http.post("/api/v1/debts", registration(debtId, "500.00"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return debtId;
    }

    private static String line(String archiveId, String debtId, String amount) {
        return archiveId + "," + CreditorReference.forDebt(new DebtId(debtId)).printed() + "," + amount
                + ",EUR,2025-03-10\n";
    }

    private Answer sendFile(String csv, String... headers) {
        return http.post(BANK_FILES, "text/csv", csv.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The run, followed until it has ended. */
    private JsonNode finished(String location) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(location).json(), run -> !run.path("status").asText().equals("RUNNING"));
    }

    @Test
    void closeOfBusinessAskedToRespondAsyncIsAcceptedAtOnceAndFollowedToItsReport() {
        registeredPayableDebt();

        Answer accepted = http.post(CLOSE_OF_BUSINESS, "{\"businessDate\": \"2025-04-30\"}", RESPOND_ASYNC);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long runId = accepted.json().path("runId").asLong();
        assertThat(accepted.header("Location")).isEqualTo(RUNS + "/" + runId);
        assertThat(accepted.header("X-Run-Id")).isEqualTo(Long.toString(runId));
        assertThat(accepted.json().path("status").asText()).isEqualTo("RUNNING");
        assertThat(accepted.json().path("kind").asText()).isEqualTo("CLOSE_OF_BUSINESS");
        assertThat(accepted.json().path("businessDate").asText()).isEqualTo("2025-04-30");
        assertThat(accepted.json().path("startedBy").asText()).isEqualTo("operator");

        JsonNode run = finished(accepted.header("Location"));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.path("finishedAt").isTextual()).isTrue();
        assertThat(run.path("done").asInt()).isPositive().isEqualTo(run.path("total").asInt());
        assertThat(run.path("left").asInt()).isZero();
        assertThat(run.path("failed").asInt()).isZero();
        assertThat(run.path("failuresByRule")).isEmpty();
        JsonNode report = run.path("report");
        assertThat(report.path("businessDate").asText()).isEqualTo("2025-04-30");
        assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("debtsProcessed").asInt()).isEqualTo(run.path("done").asInt());
    }

    @Test
    void aRunAnsweredAtTheEndIsRecordedWithTheSameReportAndNamedInItsAnswer() {
        registeredPayableDebt();

        Answer answer = http.post(CLOSE_OF_BUSINESS, "{\"businessDate\": \"2025-05-31\"}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().has("runId")).as("the answer itself is as it was").isFalse();
        JsonNode run = http.get(RUNS + "/" + answer.header("X-Run-Id")).json();
        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.path("report")).isEqualTo(answer.json());
    }

    @Test
    void aBankFileWithARefusedLineIsFollowedToItsReportWithTheRefusalsByRule() {
        String debt = registeredPayableDebt();
        String unknown = CreditorReference.forDebt(new DebtId("NOSUCHDEBT1")).printed();
        String csv = HEADER + line("ARC-" + UUID.randomUUID(), debt, "50.00")
                + "ARC-" + UUID.randomUUID() + "," + unknown + ",20.00,EUR,2025-03-10\n";

        Answer accepted = sendFile(csv, "Prefer", "respond-async",
                "Content-Disposition", "attachment; filename=\"june.csv\"");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().path("kind").asText()).isEqualTo("BANK_FILE");
        assertThat(accepted.json().path("fileName").asText()).isEqualTo("june.csv");
        assertThat(accepted.json().path("fileBytes").asLong()).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
        JsonNode run = finished(accepted.header("Location"));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.path("total").asInt()).isEqualTo(2);
        assertThat(run.path("done").asInt()).isEqualTo(2);
        assertThat(run.path("applied").asInt()).isEqualTo(1);
        assertThat(run.path("alreadyApplied").asInt()).isZero();
        assertThat(run.path("failed").asInt()).isEqualTo(1);
        assertThat(run.path("failuresByRule").toString()).isEqualTo("{\"DEBT_UNKNOWN\":1}");
        assertThat(run.path("report").path("applied").asInt()).isEqualTo(1);
        assertThat(run.path("report").path("refusals").findValuesAsText("rule")).containsExactly("DEBT_UNKNOWN");
        assertThat(run.path("report").path("appliedTotals").toString())
                .isEqualTo("[{\"amount\":\"50.00\",\"currency\":\"EUR\"}]");
    }

    @Test
    void aMalformedFileIsRefusedAtOnceEvenAskedToRespondAsyncAndNoRunIsRecorded() {
        long before = runs.count(null);

        Answer answer = sendFile(HEADER + "L2,RF741,abc,EUR,2025-03-10\n", RESPOND_ASYNC);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(runs.count(null)).isEqualTo(before);
    }

    @Test
    void pastRunsAreListedNewestFirstWithoutTheirReports() {
        String debt = registeredPayableDebt();
        long first = Long.parseLong(sendFile(HEADER + line("ARC-" + UUID.randomUUID(), debt, "1.00"))
                .header("X-Run-Id"));
        long second = Long.parseLong(sendFile(HEADER + line("ARC-" + UUID.randomUUID(), debt, "2.00"))
                .header("X-Run-Id"));
        long closing = Long.parseLong(http.post(CLOSE_OF_BUSINESS, "{\"businessDate\": \"2025-06-30\"}")
                .header("X-Run-Id"));

        JsonNode files = http.get(RUNS + "?kind=BANK_FILE&size=2").json();
        assertThat(files.path("runs").findValuesAsText("runId")).containsExactly(Long.toString(second),
                Long.toString(first));
        assertThat(files.path("runs").findValuesAsText("kind")).containsOnly("BANK_FILE");
        assertThat(files.path("runs").get(0).has("report")).isFalse();
        assertThat(files.path("size").asInt()).isEqualTo(2);
        assertThat(files.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(http.get(RUNS + "?kind=BANK_FILE&size=1&page=1").json().path("runs").get(0).path("runId").asLong())
                .isEqualTo(first);
        assertThat(http.get(RUNS).json().path("runs").get(0).path("runId").asLong()).isEqualTo(closing);

        for (String query : List.of("?size=51", "?size=0", "?page=-1", "?kind=NOTHING", "?page=x")) {
            Answer refused = http.get(RUNS + query);
            assertThat(refused.status()).as(query + " " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void anUnknownRunIsNotFound() {
        for (String id : List.of("999999999", "0", "abc")) {
            Answer answer = http.get(RUNS + "/" + id);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("type").asText()).isEqualTo("urn:debt-ledger:problem:unknown-run");
        }
    }

    @Test
    void onlyAnOperatorMayFollowRuns() {
        long runId = runs.begin(NewRun.bankFile(null, 1, "operator"));
        for (String path : List.of(RUNS, RUNS + "/" + runId)) {
            assertThat(http.as("advisor").get(path).status()).isEqualTo(403);
            assertThat(http.as(null).get(path).status()).isEqualTo(401);
            assertThat(http.as("operator").get(path).status()).isEqualTo(200);
        }
    }

    @Test
    void aSecondCloseOfBusinessWhileOneGoesOnIsRefusedAtOnceAndNotRecorded() throws Exception {
        long before = runs.count(null);
        try (Connection otherProcess = dataSource.getConnection();
             Statement statement = otherProcess.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtext('debt-ledger.close-of-business'))");
            try {
                Answer refused = http.post(CLOSE_OF_BUSINESS, "{\"businessDate\": \"2025-07-31\"}", RESPOND_ASYNC);

                assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
                assertThat(runs.count(null)).isEqualTo(before);
            } finally {
                statement.execute("SELECT pg_advisory_unlock(hashtext('debt-ledger.close-of-business'))");
            }
        }
    }

    @Test
    void progressIsRecordedWhileARunGoesOnAndItsCountsAreKeptWhenItFails() {
        long runId = runs.begin(NewRun.bankFile("month-end.csv", 1234, "operator"));

        runs.carryOut(runId, progress -> {
            progress.reached(RunCounts.ofLines(10, 3, 1, 2, Map.of("DEBT_UNKNOWN", 2)));
            Run going = runs.find(runId).orElseThrow();
            assertThat(going.status()).isEqualTo("RUNNING");
            assertThat(going.total()).isEqualTo(10);
            assertThat(going.done()).isEqualTo(6);
            assertThat(going.left()).isEqualTo(4);
            assertThat(going.failed()).isEqualTo(2);
            assertThat(going.applied()).isEqualTo(3);
            assertThat(going.alreadyApplied()).isEqualTo(1);
            assertThat(going.failuresByRule()).containsExactly(Map.entry("DEBT_UNKNOWN", 2));
            assertThat(going.report()).isNull();
            assertThat(going.perSecond()).isPositive();
            assertThat(going.secondsToGo()).isEqualTo(4 / going.perSecond());
            return Map.of("lines", 10);
        });
        Run completed = runs.find(runId).orElseThrow();
        assertThat(completed.status()).isEqualTo("COMPLETED");
        assertThat(completed.report().path("lines").asInt()).isEqualTo(10);
        assertThat(completed.secondsToGo()).isNull();

        long failing = runs.begin(NewRun.closeOfBusiness(LocalDate.of(2025, 8, 31), "operator"));
        assertThatThrownBy(() -> runs.carryOut(failing, progress -> {
            progress.reached(RunCounts.ofDebts(5, 2, 0, Map.of()));
            throw new IllegalStateException("a debt could not be loaded");
        })).hasMessage("a debt could not be loaded");
        Run failed = runs.find(failing).orElseThrow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failure()).startsWith("the run failed unexpectedly").doesNotContain("loaded");
        assertThat(failed.done()).isEqualTo(2);
        assertThat(failed.left()).isEqualTo(3);
        assertThat(failed.finishedAt()).isNotNull();
    }

    @Test
    void aRunLeftRunningByAProcessThatStoppedIsGivenUpAndALiveOneIsNot() {
        long dead = jdbc.sql("""
                        INSERT INTO operation_run (kind, business_date, started_by, started_at, progress_at)
                        VALUES ('CLOSE_OF_BUSINESS', '2025-09-30', 'operator', now() - INTERVAL '1 hour',
                                now() - INTERVAL '3 minutes')
                        RETURNING run_id""").query(Long.class).single();
        long live = runs.begin(NewRun.bankFile(null, 10, "operator"));

        JsonNode givenUp = http.get(RUNS + "/" + dead).json();

        assertThat(givenUp.path("status").asText()).isEqualTo("FAILED");
        assertThat(givenUp.path("failure").asText()).startsWith("the process carrying it out stopped");
        assertThat(givenUp.path("finishedAt").isTextual()).isTrue();
        assertThat(http.get(RUNS + "/" + live).json().path("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aBackgroundRunCutOffByAShutdownIsRecordedAsFailed() throws Exception {
        OperationRuns stopping = new OperationRuns(jdbc, json, new RunMetrics(new SimpleMeterRegistry()));
        stopping.start();
        CountDownLatch started = new CountDownLatch(1);

        Run begun = stopping.inBackground(NewRun.bankFile("long.csv", 10, "operator"), progress -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(); // until the ledger stops
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new RunStopped("a bank file");
        });
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        stopping.stop();

        Run stopped = runs.find(begun.runId()).orElseThrow();
        assertThat(stopped.status()).isEqualTo("FAILED");
        assertThat(stopped.failure()).startsWith("the ledger stopped while the run was going on");
        assertThatThrownBy(() -> stopping.inBackground(NewRun.bankFile(null, 1, "operator"), progress -> null))
                .isInstanceOf(OperationRuns.Busy.class);
    }

    @Test
    void aRunEndsOnceAndIsCountedOnce() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OperationRuns counted = new OperationRuns(jdbc, json, new RunMetrics(registry));
        long runId = counted.begin(NewRun.bankFile("late.csv", 10, "operator"));

        counted.carryOut(runId, progress -> {
            // given up meanwhile, as a run silent for two minutes is, while its thread still goes on
            jdbc.sql("UPDATE operation_run SET status = 'FAILED', finished_at = now(), failure = 'given up'"
                    + " WHERE run_id = :id").param("id", runId).update();
            progress.reached(RunCounts.ofLines(10, 9, 0, 1, Map.of("DEBT_UNKNOWN", 1)));
            return Map.of("lines", 10);
        });

        Run ended = counted.find(runId).orElseThrow();
        assertThat(ended.status()).isEqualTo("FAILED");
        assertThat(ended.failure()).isEqualTo("given up");
        assertThat(ended.done()).as("counts written after it ended").isZero();
        assertThat(ended.report()).isNull();
        assertThat(registry.find("ledger.runs").timers()).as("it had ended already: not timed or counted now").isEmpty();
        assertThat(registry.find("ledger.runs.items").counters()).isEmpty();
    }
}
