package org.debtledger.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The standalone ledger's embedded PostgreSQL is its own: every connection needs its password, none is trusted,
 * no socket file is left for other local users, a data directory that trusted everyone is upgraded, and a
 * postmaster left running on the data directory is stopped before the ledger starts its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    private Path data() {
        return directory.resolve("postgres");
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private String keptPassword() throws IOException {
        return Files.readString(directory.resolve("postgres-password")).strip();
    }

    @Test
    void everyConnectionNeedsThePasswordKeptBesideTheDataReadableByItsOwnerOnly() throws Exception {
        int port = Loopback.freePort();
        try (StandaloneLedger ignored = StandaloneLedger.start(directory, "--ledger.embedded-db.port=" + port)) {
            Path kept = directory.resolve("postgres-password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
            assertThat(keptPassword()).hasSizeGreaterThanOrEqualTo(32);

            assertThatThrownBy(() -> connect(port, null)).as("no password").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(port, "postgres")).as("a wrong password")
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            try (Connection connection = connect(port, keptPassword())) {
                assertThat(single(connection, "SELECT 1")).isEqualTo("1");
                assertThat(single(connection, "SHOW password_encryption")).isEqualTo("scram-sha-256");
                assertThat(single(connection, "SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'"))
                        .startsWith("SCRAM-SHA-256$");
                assertThat(single(connection, "SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules"))
                        .as("the methods of every hba line, replication too").isEqualTo("scram-sha-256");
                assertThat(single(connection, "SHOW unix_socket_directories")).as("no unix socket").isEmpty();
            }
            assertThat(Files.readAllLines(data().resolve("pg_hba.conf")))
                    .noneMatch(line -> !line.startsWith("#") && line.contains("trust"));
            assertThat(Path.of("/tmp/.s.PGSQL." + port)).as("a socket file anyone could reach").doesNotExist();
        }
    }

    @Test
    void aPasswordGivenByTheOperatorIsTheOneAskedAndIsNotWrittenDown() throws Exception {
        int port = Loopback.freePort();
        String given = "given-" + System.nanoTime() + "-it's";
        try (StandaloneLedger ignored = StandaloneLedger.start(directory, "--ledger.embedded-db.port=" + port,
                "--ledger.embedded-db.password=" + given)) {
            try (Connection connection = connect(port, given)) {
                assertThat(single(connection, "SELECT 1")).isEqualTo("1");
            }
            assertThat(directory.resolve("postgres-password")).doesNotExist();
        }
        // without it, the next start generates one, keeps it, and that one is asked from then on
        try (StandaloneLedger ignored = StandaloneLedger.start(directory, "--ledger.embedded-db.port=" + port)) {
            assertThatThrownBy(() -> connect(port, given)).isInstanceOf(SQLException.class);
            try (Connection connection = connect(port, keptPassword())) {
                assertThat(single(connection, "SELECT 1")).isEqualTo("1");
            }
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryoneIsUpgradedOnStartSayingSoInOneLine(CapturedOutput output) throws Exception {
        int port = Loopback.freePort();
        // a data directory as the ledger made it before: zonky's initdb, trust for every local connection
        try (EmbeddedPostgres before = EmbeddedPostgres.builder().setDataDirectory(data()).setCleanDataDirectory(false)
                .setPort(port).setServerConfig("listen_addresses", "127.0.0.1").start();
             Connection trusted = connect(port, null)) {
            assertThat(single(trusted, "SELECT 1")).isEqualTo("1");
        }

        try (StandaloneLedger ledger = StandaloneLedger.start(directory, "--ledger.embedded-db.port=" + port)) {
            assertThat(output.getOut().lines().filter(line -> line.contains("upgraded to password authentication")))
                    .hasSize(1);
            assertThatThrownBy(() -> connect(port, null)).isInstanceOf(SQLException.class);
            try (Connection connection = connect(port, keptPassword())) {
                assertThat(single(connection, "SELECT 1")).isEqualTo("1");
            }
            assertThat(ledger.get("/actuator/health").status()).isEqualTo(200);
        }
    }

    @Test
    void aPostmasterLeftRunningOnTheDataDirectoryIsStoppedBeforeTheLedgerStartsItsOwn(CapturedOutput output)
            throws Exception {
        int port = Loopback.freePort();
        Path binaries;
        try (StandaloneLedger ignored = StandaloneLedger.start(directory, "--ledger.embedded-db.port=" + port)) {
            binaries = Path.of(postmaster().orElseThrow().info().command().orElseThrow()).getParent();
        }
        // a postmaster started on the directory by something else than a ledger, and left running
        List<String> pgCtl = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            pgCtl.addAll(List.of("unshare", "-U"));
        }
        pgCtl.addAll(List.of(binaries.resolve("pg_ctl").toString(), "-D", data().toString(), "-l",
                directory.resolve("orphan.log").toString(), "-o", "-p " + port + " -c listen_addresses=127.0.0.1",
                "-w", "start"));
        Process started = new ProcessBuilder(pgCtl).redirectErrorStream(true)
                .redirectOutput(directory.resolve("pg_ctl.log").toFile()).start();
        assertThat(started.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(started.exitValue()).as(Files.readString(directory.resolve("pg_ctl.log"))).isZero();
        ProcessHandle orphan = postmaster().orElseThrow();

        try (StandaloneLedger ledger = StandaloneLedger.start(directory, "--ledger.embedded-db.port=" + port)) {
            assertThat(orphan.isAlive()).as("the postmaster left running").isFalse();
            assertThat(output.getOut().lines().filter(line -> line.contains("left running"))).hasSize(1)
                    .allMatch(line -> line.contains(Long.toString(orphan.pid())));
            assertThat(output.getOut()).doesNotContain("lock file");
            assertThat(postmaster().orElseThrow().pid()).isNotEqualTo(orphan.pid());
            assertThat(ledger.get("/actuator/health").status()).isEqualTo(200);
        } finally {
            if (orphan.isAlive()) { // the ledger failed to stop it: this test's to end
                new ProcessBuilder("sh", "-c", "kill -INT \"$1\"", "sh", Long.toString(orphan.pid())).start();
                await().atMost(Duration.ofSeconds(30)).until(() -> !orphan.isAlive());
            }
        }
    }

    @Test
    void aDataDirectoryInUseByARunningLedgerIsLeftAlone() throws Exception {
        try (StandaloneLedger running = StandaloneLedger.start(directory)) {
            ProcessHandle postmaster = postmaster().orElseThrow();
            assertThatThrownBy(() -> StandaloneLedger.start(directory).close())
                    .hasStackTraceContaining("in use by another running ledger");
            assertThat(postmaster.isAlive()).isTrue();
            assertThat(running.get("/actuator/health").status()).isEqualTo(200);
        }
    }

    private java.util.Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = data().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return java.util.Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
    }
}
