package org.debtledger.standalone.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ledger's own PostgreSQL: on 127.0.0.1 only, with no unix socket, asking every connection for the password,
 * its data kept on disk. Stopped by {@link #close}, which the application context calls after everything using the
 * database has stopped; a postmaster that outlived an earlier ledger is stopped before this one starts, and a
 * watchdog stops this one should the JVM die without closing it.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final PostmasterWatchdog watchdog;
    private final DatabasePassword password;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, PostmasterWatchdog watchdog, DatabasePassword password,
                                   Path dataDirectory) {
        this.postgres = postgres;
        this.watchdog = watchdog;
        this.password = password;
        this.dataDirectory = dataDirectory;
    }

    /**
     * @param port            0 for any free one
     * @param durable         fsync, synchronous commit and full page writes on: off only for tests
     * @param givenPassword   the operator's password, or empty for the one kept beside the data directory
     */
    static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable, String givenPassword)
            throws IOException {
        Path data = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(data);
        DatabasePassword password = DatabasePassword.of(givenPassword, DatabasePassword.fileFor(data));
        stopOrphan(data);
        boolean fresh = !Files.exists(data.resolve("postgresql.conf"));
        AtomicBoolean trusted = new AtomicBoolean();
        EmbeddedPostgres postgres = startPostmaster(configured(data, port, durable, password, trusted), data);
        if (fresh) {
            log.info("embedded PostgreSQL initialised in {}: every connection needs {}", data, password);
        } else if (trusted.get()) {
            log.info("embedded PostgreSQL in {} trusted every local connection: upgraded to password authentication"
                    + " (scram-sha-256) with {}", data, password);
        }
        PostmasterWatchdog watchdog;
        try {
            watchdog = PostmasterWatchdog.watch(RunningPostmaster.on(data).orElseThrow(() ->
                    new IllegalStateException("the embedded PostgreSQL runs but its postmaster.pid names none")).pid());
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        log.info("embedded PostgreSQL listening on 127.0.0.1:{} (user postgres, database postgres), data in {},"
                + " durable: {}", postgres.getPort(), data, durable);
        return new EmbeddedPostgresServer(postgres, watchdog, password, data);
    }

    private static EmbeddedPostgres.Builder configured(Path data, int port, boolean durable, DatabasePassword password,
                                                       AtomicBoolean trusted) {
        String onOff = durable ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver(PostgresBinaries.INSTANCE)
                .setOverrideWorkingDirectory(PostgresBinaries.INSTANCE.workingDirectory().toFile())
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                // the application context stops the database after what uses it; zonky's own JVM shutdown hook
                // would stop it at once, while requests and event processors still need it
                .setRegisterShutdownHook(false)
                // after zonky's initdb (if the directory is new), before the server starts
                .setDataDirectoryCustomizer(directory -> {
                    try {
                        trusted.set(PasswordAuthentication.require(directory.toPath(), password,
                                PostgresBinaries.INSTANCE));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                // zonky's readiness check logs in too
                .setConnectConfig("password", password.value())
                // crash recovery after a power cut may take a while
                .setPGStartupWait(Duration.ofMinutes(2))
                .setServerConfig("listen_addresses", "127.0.0.1")
                // psql and the ledger come over TCP on loopback: no socket file for other local users to find
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .setServerConfig("full_page_writes", onOff);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    private static EmbeddedPostgres startPostmaster(EmbeddedPostgres.Builder builder, Path data) throws IOException {
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            // a postmaster that started but never became ready is not to be left behind
            for (RunningPostmaster left : RunningPostmaster.on(data).stream().toList()) {
                try {
                    left.stop();
                } catch (IOException | RuntimeException stopping) {
                    e.addSuppressed(stopping);
                }
            }
            throw e;
        }
    }

    private static void stopOrphan(Path data) throws IOException {
        Optional<RunningPostmaster> orphan = RunningPostmaster.on(data);
        if (orphan.isEmpty()) {
            return;
        }
        if (RunningPostmaster.directoryHeldByARunningLedger(data)) {
            throw new IllegalStateException("the embedded PostgreSQL's data directory " + data
                    + " is in use by another running ledger (postmaster " + orphan.get().pid() + ")");
        }
        log.info("embedded PostgreSQL: stopping postmaster {} left running on {} (by a ledger that ended without"
                + " stopping it, or started by hand) before starting this one", orphan.get().pid(), data);
        orphan.get().stop();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    String user() {
        return "postgres";
    }

    String password() {
        return password.value();
    }

    @Override
    public void close() throws IOException {
        watchdog.close();
        postgres.close();
        log.info("embedded PostgreSQL stopped; data in {}", dataDirectory);
    }
}
