package org.debtledger.standalone;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml as a deployment: no Docker engine runs here, so the file is read and checked for what
 * compose needs to run the ledger, and {@link SeparateProcessesTest} runs the two sides as compose would.
 */
class DeploymentTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern PINNED = Pattern.compile("[a-z0-9./-]+:\\d+(\\.\\d+)+[\\w.-]*");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsPostgresKafkaTheCommandSideTheQuerySideTheConsoleAndThePortal() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertThat(services).containsOnlyKeys("postgres", "kafka", "command-side", "query-side", "console", "portal");
        assertThat(((Map<String, Object>) compose().get("volumes"))).containsKeys("ledger-data", "kafka-data");
        assertThat(service("postgres").get("image").toString()).matches(PINNED).startsWith("postgres:18.");
        assertThat((List<String>) service("postgres").get("volumes")).contains("ledger-data:/var/lib/postgresql");
    }

    @Test
    void everyServiceHasAHealthCheckAndStartsAfterWhatItNeedsIsHealthy() throws IOException {
        for (String name : List.of("postgres", "kafka", "command-side", "query-side", "console", "portal")) {
            assertThat(service(name)).as(name).containsKey("healthcheck");
        }
        for (String name : List.of("console", "portal")) {
            assertThat(service(name).get("depends_on")).as(name)
                    .isEqualTo(Map.of("query-side", Map.of("condition", "service_healthy")));
        }
        assertThat(service("command-side").get("depends_on"))
                .isEqualTo(Map.of("postgres", Map.of("condition", "service_healthy")));
        assertThat(service("query-side").get("depends_on")).isEqualTo(Map.of(
                "command-side", Map.of("condition", "service_healthy"), "kafka", Map.of("condition", "service_healthy")));
    }

    /** The query side publishes the stream to a one-node KRaft broker, which the host reaches on loopback only. */
    @Test
    @SuppressWarnings("unchecked")
    void theQuerySidePublishesTheStreamToAKraftBrokerPublishedOnLoopback() throws IOException {
        Map<String, Object> kafka = service("kafka");
        assertThat(kafka.get("image").toString()).matches(PINNED).startsWith("apache/kafka:");
        Map<String, Object> broker = (Map<String, Object>) kafka.get("environment");
        assertThat(broker).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat(broker.get("KAFKA_ADVERTISED_LISTENERS").toString()).contains("kafka:19092", "localhost:9092");
        assertThat((List<String>) kafka.get("ports")).containsExactly("127.0.0.1:9092:9092");
        assertThat((List<String>) kafka.get("volumes")).contains("kafka-data:/var/lib/kafka/data");
        Map<String, Object> querySide = (Map<String, Object>) service("query-side").get("environment");
        assertThat(querySide).containsEntry("LEDGER_KAFKA_ENABLED", "true")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:19092");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachSideGetsTheDatabaseFromTheEnvironmentAndNoPasswordOrKeyIsWrittenDown() throws IOException {
        for (String name : List.of("command-side", "query-side")) {
            Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
            assertThat(environment).containsKeys("LEDGER_DB_URL", "LEDGER_DB_USER", "LEDGER_DB_PASSWORD",
                    "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
            assertThat(environment.get("LEDGER_DB_URL").toString()).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(environment.get("LEDGER_DB_PASSWORD").toString()).startsWith("${LEDGER_DB_PASSWORD:?");
            Map<String, Object> build = (Map<String, Object>) service(name).get("build");
            assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", name + "/Dockerfile");
        }
        for (String name : List.of("command-side", "query-side")) {
            Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
            // the key the console's tokens are checked with, the one it signs them with
            assertThat(environment.get("LEDGER_TOKEN_KEY").toString()).startsWith("${LEDGER_TOKEN_KEY:?");
        }
        for (String name : List.of("console", "portal")) {
            Map<String, Object> pages = (Map<String, Object>) service(name).get("environment");
            assertThat(pages.get("LEDGER_TOKEN_KEY").toString()).as(name).startsWith("${LEDGER_TOKEN_KEY:?");
        }
        Map<String, Object> querySide = (Map<String, Object>) service("query-side").get("environment");
        assertThat(querySide.get("LEDGER_KEY_ENCRYPTION_KEY").toString()).startsWith("${LEDGER_KEY_ENCRYPTION_KEY:?");
        Map<String, Object> postgres = (Map<String, Object>) service("postgres").get("environment");
        assertThat(postgres.get("POSTGRES_PASSWORD").toString()).startsWith("${LEDGER_DB_PASSWORD:?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachSideListensBeyondLoopbackOnlyInsideItsContainerWhosePortIsPublishedOnLoopback() throws IOException {
        for (String name : List.of("command-side", "query-side", "console", "portal")) {
            Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
            assertThat(environment).as(name).containsEntry("LEDGER_BIND_ADDRESS", "0.0.0.0");
            assertThat((List<String>) service(name).get("ports")).as(name).allMatch(port -> port.startsWith("127.0.0.1:"));
        }
    }

    @Test
    void eachDockerfileBuildsThatSidesJarOnPinnedImages() throws IOException {
        for (String side : List.of("command-side", "query-side", "console")) {
            List<String> lines = Files.readAllLines(ROOT.resolve(side).resolve("Dockerfile"));
            List<String> images = lines.stream().filter(line -> line.startsWith("FROM "))
                    .map(line -> line.split("\\s+")[1]).toList();
            assertThat(images).hasSize(2).allMatch(image -> PINNED.matcher(image).matches());
            assertThat(lines).anyMatch(line -> line.contains("-pl " + side + " -am package"));
            assertThat(lines).anyMatch(line -> line.contains("/src/" + side + "/target/" + side + "-0.1.0-SNAPSHOT-exec.jar"));
            // the build (which packages each side before this module's tests) makes exactly the jar copied
            assertThat(ROOT.resolve(side).resolve("target").resolve(side + "-0.1.0-SNAPSHOT-exec.jar")).exists();
            assertThat(lines).anyMatch(line -> line.startsWith("USER ") && !line.contains("root"));
        }
    }
}
