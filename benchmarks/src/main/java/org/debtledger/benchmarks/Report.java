package org.debtledger.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a run: the machine, the command series beside their ceilings (printed as a table too), and the
 * results file they are written to.
 */
final class Report {

    private static final Logger log = LoggerFactory.getLogger(Report.class);

    private Report() {
    }

    /**
     * The run's date and machine, and a row per series at each concurrency, in turn: the ceiling, the commands over
     * HTTP, in process, through the plain Axon peer; each with its ratio to the ceiling measured beside it.
     */
    static Map<String, Object> of(List<Figure> ceiling, List<Figure> commands, PlainAxonPeer.InProcess inProcess,
                                  Duration each) {
        Map<String, Object> results = header(each);
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%n%-10s %8s %12s %12s %8s %10s %10s %10s %10s%n",
                "figure", "clients", "ops/s", "ceiling/s", "ratio", "p50 ms", "p99 ms", "max ms", "JIT ms"));
        for (int i = 0; i < ceiling.size(); i++) {
            for (Figure figure : List.of(ceiling.get(i), commands.get(i), inProcess.ledger().get(i),
                    inProcess.plainAxon().get(i))) {
                double ratio = figure.perSecond() / figure.ceilingPerSecond();
                rows.add(row(figure));
                table.append(String.format("%-10s %8d %12.0f %12.0f %8.2f %10.2f %10.2f %10.2f %10d%n", figure.name(),
                        figure.concurrency(), figure.perSecond(), figure.ceilingPerSecond(), ratio,
                        figure.p50Micros() / 1000.0, figure.p99Micros() / 1000.0, figure.maxMicros() / 1000.0,
                        figure.compileMillis()));
            }
        }
        results.put("figures", rows);
        log.warn(table.toString());
        return results;
    }

    /** A figure as a row of the results: its rate, the ceiling's beside it and their ratio, its latencies. */
    static Map<String, Object> row(Figure figure) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("figure", figure.name());
        row.put("clients", figure.concurrency());
        row.put("perSecond", Math.round(figure.perSecond()));
        row.put("ceilingPerSecond", Math.round(figure.ceilingPerSecond()));
        row.put("ratioToCeiling", Math.round(figure.perSecond() / figure.ceilingPerSecond() * 1000) / 1000.0);
        row.put("p50Millis", figure.p50Micros() / 1000.0);
        row.put("p99Millis", figure.p99Micros() / 1000.0);
        row.put("maxMillis", figure.maxMicros() / 1000.0);
        row.put("compileMillis", figure.compileMillis());
        return row;
    }

    /** The run's date and machine, and how long each measurement ran. */
    static Map<String, Object> header(Duration each) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("date", Instant.now().toString());
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")));
        results.put("secondsPerMeasurement", each.toSeconds());
        return results;
    }

    /** The results of a run that measured one thing alone ({@code -Dbenchmark.only}): the header and its figures. */
    static Map<String, Object> alone(Duration each, String name, String printed, Object figures) {
        Map<String, Object> results = header(each);
        add(results, name, printed, figures);
        return results;
    }

    /** The commands sent at a fixed rate: the rate asked for and the latencies, in milliseconds. */
    static Map<String, Object> atFixedRate(Figure atRate) {
        return Map.of("perSecondAsked", Math.round(atRate.perSecond()), "p50Millis", atRate.p50Micros() / 1000.0,
                "p99Millis", atRate.p99Micros() / 1000.0, "maxMillis", atRate.maxMicros() / 1000.0);
    }

    /** Puts {@code figures} under {@code name} in the results and prints them. */
    static void add(Map<String, Object> results, String name, String printed, Object figures) {
        results.put(name, figures);
        log.warn("%n{}: {}".formatted(), printed, figures);
    }

    static void write(Map<String, Object> results, Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(results));
    }
}
