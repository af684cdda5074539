package org.debtledger.benchmarks;

import one.profiler.AsyncProfiler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Profiles one measurement with async-profiler when {@code -Dbenchmark.profile} names an event ({@code cpu} for
 * where the processor time goes, {@code wall} for where threads wait, {@code alloc}, {@code lock}): writes a flame
 * graph ({@code <measurement>.html}), the stacks collapsed one a line ({@code .collapsed}, for grep), and the 40
 * hottest frames ({@code .txt}) to {@code -Dbenchmark.profiles}. Without the property it only runs the measurement.
 */
final class Profiles {

    private static final String EVENT = System.getProperty("benchmark.profile", "");
    private static final Path DIRECTORY = Path.of(System.getProperty("benchmark.profiles", "target/profiles"));

    private Profiles() {
    }

    static <T> T of(String measurement, Callable<T> work) throws Exception {
        if (EVENT.isBlank()) {
            return work.call();
        }
        AsyncProfiler profiler = AsyncProfiler.getInstance();
        Files.createDirectories(DIRECTORY);
        // wall-clock samples every thread, busy or not, every 10 ms, each thread's stacks apart (what a waiting
        // thread waits on is told by its name); the others sample on their own event
        profiler.execute("start,event=" + EVENT + (EVENT.equals("wall") ? ",interval=10ms,threads" : ",interval=1ms"));
        try {
            return work.call();
        } finally {
            profiler.execute("stop");
            Path base = DIRECTORY.resolve(measurement);
            profiler.execute("dump,file=" + base + ".html");
            profiler.execute("dump,collapsed,file=" + base + ".collapsed");
            Files.writeString(Path.of(base + ".txt"), profiler.execute("dump,flat=40,traces=0"));
        }
    }
}
