package org.debtledger.command.runs;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RunMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RunMetrics metrics = new RunMetrics(registry);

    @Test
    void aBankFilesLinesAreCountedAppliedAppliedBeforeAndRefusedByRule() {
        metrics.finished(RunKind.BANK_FILE, "COMPLETED", 1.5,
                RunCounts.ofLines(6, 3, 1, 2, Map.of("UNKNOWN_REFERENCE", 2)));

        assertThat(items("bank_file", "applied")).isEqualTo(3);
        assertThat(items("bank_file", "already_applied")).isEqualTo(1);
        assertThat(items("bank_file", "refused")).isEqualTo(2);
        assertThat(registry.get("ledger.runs.failures").tag("kind", "bank_file").tag("rule", "UNKNOWN_REFERENCE")
                .counter().count()).isEqualTo(2);
        var timer = registry.get("ledger.runs").tag("kind", "bank_file").tag("status", "completed").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
    }

    @Test
    void closeOfBusinessCountsTheDebtsClosedAndThoseThatFailed() {
        metrics.finished(RunKind.CLOSE_OF_BUSINESS, "FAILED", 2,
                RunCounts.ofDebts(10, 7, 2, Map.of("DEBT_CLOSED", 2)));

        assertThat(items("close_of_business", "closed")).isEqualTo(5);
        assertThat(items("close_of_business", "failed")).isEqualTo(2);
        assertThat(registry.get("ledger.runs").tag("kind", "close_of_business").tag("status", "failed").timer()
                .count()).isEqualTo(1);
    }

    @Test
    void aRunThatEndedWithoutCountsIsTimedOnly() {
        metrics.finished(RunKind.BANK_FILE, "FAILED", 1, null);

        assertThat(registry.get("ledger.runs").tag("status", "failed").timer().count()).isEqualTo(1);
        assertThat(registry.find("ledger.runs.items").counters()).isEmpty();
    }

    @Test
    void theRunsGoingOnAreShownWhileTheyGo() {
        metrics.started();
        metrics.started();
        metrics.stopped();

        assertThat(registry.get("ledger.runs.running").gauge().value()).isEqualTo(1);
    }

    private double items(String kind, String outcome) {
        return registry.get("ledger.runs.items").tag("kind", kind).tag("outcome", outcome).counter().count();
    }
}
