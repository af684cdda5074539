package org.debtledger.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone ledger as it is shipped ({@code java -jar standalone/target/debt-ledger.jar}, its own embedded
 * PostgreSQL, durable) in a process of its own with a heap capped at 512 MB, while four clients send the command
 * mix over HTTP: its peak resident size (the kernel's high-water mark, Linux) and its heap, the most in use before
 * a collection and the most still live after one (from its GC log). A process that ran out of heap fails the run.
 */
final class StandaloneMemory {

    private static final Pattern HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private StandaloneMemory() {
    }

    static Map<String, Object> measure(Path jar, Duration each) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the standalone ledger is not built: " + jar);
        }
        Path directory = Files.createTempDirectory("ledger-standalone");
        Path gcLog = directory.resolve("gc.log");
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-Xlog:gc:file=" + gcLog, "-jar", jar.toString(),
                "--server.address=127.0.0.1", "--server.port=" + port, "--ledger.close-of-business.scheduled=false",
                "--ledger.embedded-db.port=" + freePort(),
                "--ledger.embedded-db.data-directory=" + directory.resolve("postgres"),
                "--ledger.security.local-users.store=" + directory.resolve("local-users"),
                "--ledger.security.key-encryption-key.file=" + directory.resolve("key-encryption-key"),
                "--ledger.security.local-tokens.key-file=" + directory.resolve("token-key"))
                .redirectErrorStream(true).redirectOutput(directory.resolve("ledger.log").toFile());
        builder.environment().put("LEDGER_PASSWORD_ADVISOR", RunSecrets.PASSWORD);
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Process ledger = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            awaitHealthy(ledger, http, port);
            Figure load = Load.measure("standalone", 4, each, client -> new CommandMix(http, port));
            if (!ledger.isAlive()) {
                throw new IllegalStateException("the standalone ledger stopped under the load; see " + directory);
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("heapLimitMiB", 512);
            figures.put("commandsPerSecond", Math.round(load.perSecond()));
            figures.put("peakResidentMiB", kibibytes(ledger.pid(), "VmHWM") / 1024);
            figures.putAll(heap(Files.readAllLines(gcLog)));
            return figures;
        } finally {
            ledger.destroy();
            if (!ledger.waitFor(60, TimeUnit.SECONDS)) {
                ledger.destroyForcibly();
            }
        }
    }

    private static void awaitHealthy(Process ledger, HttpClient http, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!ledger.isAlive()) {
                throw new IllegalStateException("the standalone ledger stopped while starting");
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // asked again below
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the standalone ledger did not start within 2 minutes");
    }

    /** A field of /proc/<pid>/status, in KiB. */
    private static long kibibytes(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith(field + ":"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElseThrow();
    }

    /** The most heap in use before a collection and the most still in use after one, in MiB, from -Xlog:gc. */
    private static Map<String, Object> heap(List<String> gcLog) {
        long before = 0;
        long after = 0;
        int collections = 0;
        for (String line : gcLog) {
            Matcher heap = HEAP.matcher(line);
            if (heap.find()) {
                collections++;
                before = Math.max(before, mebibytes(heap.group(1), heap.group(2)));
                after = Math.max(after, mebibytes(heap.group(3), heap.group(4)));
            }
        }
        return Map.of("collections", collections, "peakHeapInUseMiB", before, "peakHeapLiveAfterCollectionMiB", after);
    }

    private static long mebibytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
