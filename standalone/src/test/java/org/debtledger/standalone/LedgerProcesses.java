package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Command-side and query-side processes as docker-compose runs them: separate JVMs on one PostgreSQL on loopback,
 * configured by the environment, accepting the test identity provider's tokens. Every process started here is
 * stopped by {@link #close}; {@link Side#kill} ends one at once, as {@code kill -9} would.
 */
final class LedgerProcesses implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final EmbeddedPostgres postgres;
    final TestTokens tokens;
    /** The query processes' key-encryption key, fresh for every run, as the environment gives it in production. */
    private final String keyEncryptionKey;
    /** The key the console signs its users' tokens with and the sides check them with. */
    private final String tokenKey;
    private final Path logs;
    private final List<Process> started = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    LedgerProcesses(Path logs) throws IOException {
        this.logs = logs;
        this.postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        this.tokens = new TestTokens(logs);
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        this.keyEncryptionKey = Base64.getEncoder().encodeToString(kek);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.tokenKey = Base64.getEncoder().encodeToString(key);
    }

    /** One side's process on its own port; {@link #start} and {@link #kill} it as often as wanted. */
    final class Side {
        final String name;
        final int port;
        /** What follows {@code java}: a class path and main class, or a jar. */
        private final List<String> launch;
        private final String settings;
        private final List<String> arguments;
        private Process process;
        private int runs;

        private Side(String name, List<String> launch, String settings, String... arguments) throws IOException {
            this.name = name;
            this.launch = launch;
            this.settings = settings;
            this.arguments = List.of(arguments);
            this.port = Loopback.freePort();
        }

        Side start() throws IOException {
            Path log = logs.resolve(name + "-" + (++runs) + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1"));
            command.addAll(launch);
            command.addAll(List.of("--spring.config.location=classpath:" + settings, "--server.port=" + port,
                    "--ledger.close-of-business.scheduled=false", "--spring.datasource.hikari.maximum-pool-size=8",
                    tokens.setting()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("LEDGER_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
            builder.environment().put("LEDGER_DB_USER", "postgres");
            builder.environment().put("LEDGER_DB_PASSWORD", "");
            builder.environment().put("LEDGER_KEY_ENCRYPTION_KEY", keyEncryptionKey);
            builder.environment().put("LEDGER_TOKEN_KEY", tokenKey);
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            process = builder.start();
            started.add(process);
            Process running = process;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                assertThat(running.isAlive()).as(name + " alive; see " + log).isTrue();
                HttpResponse<String> health = LedgerProcesses.this.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).GET().build());
                return health != null && health.statusCode() == 200;
            });
            return this;
        }

        long pid() {
            return process.pid();
        }

        /** Ends the process at once, without letting it finish anything: SIGKILL. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /** A request as {@code subject} holding {@code role}, bounded in time; null when the process is unreachable. */
        HttpResponse<String> send(String method, String path, String body, String subject, String role) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(90))
                    .header("Authorization", tokens.bearer(subject, role))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return LedgerProcesses.this.send(request.build());
        }

        /**
         * As {@link #json}, asking again while the answer is 503: a process restarted after a crash takes over its
         * segments only once the dead one's claims time out.
         */
        JsonNode awaitJson(String method, String path, String body, String role) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                HttpResponse<String> answer = send(method, path, body, role.toLowerCase() + "-1", role);
                return answer != null && answer.statusCode() != 503;
            });
            return json(method, path, body, role);
        }

        JsonNode json(String method, String path, String body, String role) {
            HttpResponse<String> answer = send(method, path, body, role.toLowerCase() + "-1", role);
            assertThat(answer).as(name + " unreachable").isNotNull();
            assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
            try {
                return JSON.readTree(answer.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Side commandSide(String name) throws IOException {
        return new Side(name, onClassPath("org.debtledger.command.CommandSideApplication"), "debt-ledger-command.yml");
    }

    Side querySide(String name) throws IOException {
        return new Side(name, onClassPath("org.debtledger.query.QuerySideApplication"), "debt-ledger-query.yml");
    }

    private static List<String> onClassPath(String mainClass) {
        return List.of("-cp", System.getProperty("java.class.path"), mainClass);
    }

    /**
     * The console alone, from the jar its module packaged (as its Dockerfile runs it), calling the two sides; its
     * local user {@code advisor} signs in with {@code password}.
     */
    Side console(String name, Side commands, Side queries, String password) throws IOException {
        Path jar = Path.of("..", "console", "target", "console-0.1.0-SNAPSHOT-exec.jar");
        assertThat(jar).as("the console's jar, which the build packages before this module's tests").exists();
        return new Side(name, List.of("-jar", jar.toString()), "debt-ledger-console.yml",
                "--ledger.console.command-url=http://127.0.0.1:" + commands.port,
                "--ledger.console.query-url=http://127.0.0.1:" + queries.port,
                "--management.endpoints.web.exposure.include=health",
                "--ledger.security.local-tokens.key=" + tokenKey,
                "--ledger.security.local-users.enabled=true",
                "--ledger.security.local-users.store=" + logs.resolve("console-users"),
                "--ledger.security.local-users.users[0].name=advisor",
                "--ledger.security.local-users.users[0].role=ADVISOR",
                "--ledger.password.advisor=" + password);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return Loopback.sendOrNull(client, request);
    }

    @Override
    public void close() throws Exception {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        postgres.close();
    }
}
