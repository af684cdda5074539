package org.debtledger.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standalone jar as shipped ({@code standalone/target/debt-ledger.jar}), run with {@code java -jar} in a working
 * directory of its own, so its data lands in {@code data/} there as it would for an operator. Only the ports and
 * the local users' passwords come from the environment, as the README's configuration table says. Every process
 * it starts, the database's postmaster included, is ended by {@link #close}.
 */
final class LedgerJar implements AutoCloseable {

    static final String ADVISOR_PASSWORD = UUID.randomUUID().toString();

    final Path workingDirectory;
    final int port;
    final int databasePort;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path log;
    private int runs;

    LedgerJar(Path workingDirectory) throws IOException {
        this.workingDirectory = workingDirectory;
        this.port = Loopback.freePort();
        this.databasePort = Loopback.freePort();
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("ledger.jar", "target/debt-ledger.jar"));
        assertThat(jar).as("the standalone jar, built by package before the integration tests").isRegularFile();
        return jar.toAbsolutePath();
    }

    /** Starts the jar and waits until it answers its health probe. */
    LedgerJar start() throws IOException {
        log = workingDirectory.resolve("ledger-" + (++runs) + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar().toString())
                .directory(workingDirectory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LEDGER_COMMAND_PORT", Integer.toString(port));
        builder.environment().put("LEDGER_EMBEDDED_DB_PORT", Integer.toString(databasePort));
        builder.environment().put("LEDGER_PASSWORD_ADVISOR", ADVISOR_PASSWORD);
        process = builder.start();
        Process running = process;
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(running.isAlive()).as("the ledger runs; see " + log).isTrue();
            HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build());
            return health != null && health.statusCode() == 200;
        });
        return this;
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    List<String> logLines() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    Path dataDirectory() {
        return workingDirectory.resolve("data").resolve("postgres");
    }

    /** The embedded database's postmaster, by the pid it wrote in its data directory, while it runs. */
    Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDirectory().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A request as the advisor, bounded in time; null when the ledger does not answer. */
    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Authorization", advisor())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A live stream followed as the advisor: answered once its headers are, read as it comes. */
    HttpResponse<InputStream> follow(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", advisor()).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private static String advisor() {
        return "Basic " + Base64.getEncoder().encodeToString(("advisor:" + ADVISOR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest request) {
        return Loopback.sendOrNull(client, request);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
        // a postmaster the ledger left behind is this test's to end: a fast shutdown, by its pid
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isPresent()) {
            new ProcessBuilder("sh", "-c", "kill -INT \"$1\"", "sh", Long.toString(postmaster.get().pid()))
                    .start().waitFor(10, TimeUnit.SECONDS);
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }
}
