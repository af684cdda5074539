package org.debtledger.command.runs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the runs of close of business and of bank files come to, for the metrics scrape: how long each took, by kind
 * and how it ended ({@code ledger.runs}); the debts or lines it did, by outcome ({@code ledger.runs.items}); those that
 * failed, by rule ({@code ledger.runs.failures}); and how many this process is carrying out now
 * ({@code ledger.runs.running}).
 */
@Component
public class RunMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger running = new AtomicInteger();

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("ledger.runs.running", running, AtomicInteger::get)
                .description("Runs of close of business and of bank files this process is carrying out")
                .register(registry);
    }

    void started() {
        running.incrementAndGet();
    }

    void stopped() {
        running.decrementAndGet();
    }

    /** A run ended ({@code status} COMPLETED or FAILED) after {@code seconds}, with its last counts unless null. */
    void finished(RunKind kind, String status, double seconds, RunCounts counts) {
        Timer.builder("ledger.runs").description("Runs of close of business and of bank files, by how they ended")
                .tag("kind", tag(kind.name())).tag("status", tag(status)).register(registry)
                .record(Math.round(seconds * 1e9), TimeUnit.NANOSECONDS);
        if (counts == null) {
            return;
        }
        items(kind, counts).forEach((outcome, count) -> Counter.builder("ledger.runs.items")
                .description("Debts closed and bank-file lines applied by runs, by outcome")
                .tag("kind", tag(kind.name())).tag("outcome", outcome).register(registry).increment(count));
        counts.failuresByRule().forEach((rule, count) -> Counter.builder("ledger.runs.failures")
                .description("Debts and lines that failed in runs, by the rule that refused them")
                .tag("kind", tag(kind.name())).tag("rule", rule).register(registry).increment(count));
    }

    /**
     * A run's debts or lines by outcome: close of business's debts closed or failed; a bank file's lines applied, applied
     * before (sent again), or refused.
     */
    static Map<String, Integer> items(RunKind kind, RunCounts counts) {
        Map<String, Integer> items = new LinkedHashMap<>();
        if (kind == RunKind.BANK_FILE) {
            items.put("applied", counts.applied() == null ? 0 : counts.applied());
            items.put("already_applied", counts.alreadyApplied() == null ? 0 : counts.alreadyApplied());
            items.put("refused", counts.failed());
        } else {
            items.put("closed", counts.done() - counts.failed());
            items.put("failed", counts.failed());
        }
        return items;
    }

    private static String tag(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
