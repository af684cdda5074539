package org.debtledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The speed the ledger aims for on 2 cores, each beside the figure this run measured and the one the run before it
 * measured: met, or missed and by how much. A target whose figure a run did not measure (a mode that measures one
 * thing alone, a bank file smaller than the target's) has no row for that run.
 */
final class Targets {

    private static final Logger log = LoggerFactory.getLogger(Targets.class);

    /** The file a run's results are written to holds, until this run writes it, the run before this one's. */
    static final String PREVIOUS = "benchmark.previous";

    private static final int BANK_FILE_PAYMENTS = 50_000;

    /** A target: what is measured, the bound and on which side of it the figure must fall, and where it is read. */
    record Target(String what, double bound, boolean atLeast, String unit, Function<JsonNode, JsonNode> figure) {

        Optional<Double> in(JsonNode results) {
            JsonNode value = results == null ? null : figure.apply(results);
            return value == null || !value.isNumber() ? Optional.empty() : Optional.of(value.asDouble());
        }

        boolean metBy(double value) {
            return atLeast ? value >= bound : value < bound;
        }

        /** How far a figure is from the bound, as a factor: 2.0 when a rate is half of it or a time twice it. */
        double factorOff(double value) {
            return atLeast ? bound / value : value / bound;
        }

        String goal() {
            return (atLeast ? "at least " : "under ") + format(bound) + (unit.isEmpty() ? "" : " " + unit);
        }
    }

    static final List<Target> ALL = List.of(
            ratio("commands over HTTP at 1 client, ratio to the ceiling", "commands", 1, 0.5),
            ratio("commands over HTTP at 4 clients, ratio to the ceiling", "commands", 4, 0.5),
            ratio("commands over HTTP at 16 clients, ratio to the ceiling", "commands", 16, 0.5),
            ratio("commands in process at 16 clients, ratio to the ceiling", "in-process", 16, 1.0),
            new Target("command latency p99 at half the sustainable rate", 20, false, "ms",
                    results -> results.at("/commandsAtHalfTheSustainableRate/p99Millis")),
            new Target("queries p99 at 200 a second while commands run", 20, false, "ms",
                    results -> results.at("/readSide/queryP99Millis")),
            new Target("projection lag p99 while commands run", 100, false, "ms",
                    results -> results.at("/readSide/projectionLagP99Millis")),
            new Target("queries p99 at 200 a second while a bank file and close of business run", 20, false, "ms",
                    results -> results.at("/readSide/busyHourQueryP99Millis")),
            new Target("projection lag p99 while a bank file and close of business run", 100, false, "ms",
                    results -> results.at("/readSide/busyHourProjectionLagP99Millis")),
            new Target("rebuild of both read models", 50_000, true, "events/s",
                    results -> results.at("/readSide/rebuildEventsPerSecond")),
            bankFile("bank file of 50,000 payments, the first after a start", "bankFile"),
            bankFile("bank file of 50,000 payments, the second", "bankFileWarm"),
            new Target("standalone ledger's heap in use at its peak", 512, false, "MiB",
                    results -> results.at("/standaloneMemory/peakHeapInUseMiB")));

    private Targets() {
    }

    private static Target ratio(String what, String series, int clients, double bound) {
        return new Target(what, bound, true, "", results -> {
            for (JsonNode row : results.path("figures")) {
                if (row.path("figure").asText().equals(series) && row.path("clients").asInt() == clients) {
                    return row.path("ratioToCeiling");
                }
            }
            return null;
        });
    }

    private static Target bankFile(String what, String name) {
        return new Target(what, 10, false, "s", results -> {
            JsonNode file = results.path(name);
            return file.path("payments").asInt() == BANK_FILE_PAYMENTS ? file.path("seconds") : null;
        });
    }

    /**
     * A row for each target this run or the previous one measured: the goal, the previous run's figure, this run's,
     * and the verdict on this run's.
     */
    static List<Map<String, Object>> rows(JsonNode now, JsonNode previous) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Target target : ALL) {
            Optional<Double> measured = target.in(now);
            Optional<Double> before = target.in(previous);
            if (measured.isEmpty() && before.isEmpty()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target", target.what());
            row.put("goal", target.goal());
            row.put("previous", before.orElse(null));
            row.put("now", measured.orElse(null));
            row.put("verdict", measured.map(value -> target.metBy(value) ? "met"
                    : "missed by a factor of " + format(target.factorOff(value))).orElse("not measured"));
            rows.add(row);
        }
        return rows;
    }

    /** Puts the targets' rows in {@code results}, beside the run before this one's, and prints them as a table. */
    static void add(Map<String, Object> results, JsonNode previous) {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> rows = rows(json.valueToTree(results), previous);
        results.put("previousRun", previous == null ? null : previous.path("date").asText(null));
        results.put("targets", rows);
        StringBuilder table = new StringBuilder(String.format("%n%-75s %-22s %10s %10s  %s%n", "target", "goal",
                "previous", "now", "verdict"));
        for (Map<String, Object> row : rows) {
            table.append(String.format("%-75s %-22s %10s %10s  %s%n", row.get("target"), row.get("goal"),
                    row.get("previous") == null ? "-" : format((Double) row.get("previous")),
                    row.get("now") == null ? "-" : format((Double) row.get("now")), row.get("verdict")));
        }
        log.warn(table.toString());
    }

    /** The results a run before this one left in {@code file}, or none. */
    static JsonNode previous(Path file) throws IOException {
        return Files.isRegularFile(file) ? new ObjectMapper().readTree(file.toFile()) : null;
    }

    private static String format(double value) {
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.3g", value);
    }
}
