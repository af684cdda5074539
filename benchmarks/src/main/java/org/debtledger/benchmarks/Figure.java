package org.debtledger.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * One measurement: operations done, how long it took, latencies in microseconds, the processor time the JIT
 * compiler spent meanwhile (a measurement taken while the compiler is still busy is a measurement of it), and
 * the database's ceiling measured just before it at the same concurrency (0 when none was).
 */
record Figure(String name, int concurrency, long operations, double seconds, long p50Micros, long p95Micros,
              long p99Micros, long maxMicros, long compileMillis, double ceilingPerSecond) {

    /** The figure of {@code latencies} (microseconds, in any order) taken by {@code clients} in {@code seconds}. */
    static Figure of(String name, int clients, List<Long> latencies, double seconds, long compileMillis) {
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(Long::compare);
        return new Figure(name, clients, sorted.size(), seconds, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), compileMillis, 0);
    }

    /** The value below which {@code percentile} % of {@code sorted} lie; 0 of none. */
    static long percentile(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    double perSecond() {
        return operations / seconds;
    }

    Figure besideCeiling(double perSecond) {
        return new Figure(name, concurrency, operations, seconds, p50Micros, p95Micros, p99Micros, maxMicros,
                compileMillis, perSecond);
    }
}
