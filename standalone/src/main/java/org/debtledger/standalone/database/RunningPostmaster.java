package org.debtledger.standalone.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The postmaster running on a data directory, found by the pid in its postmaster.pid. pg_ctl daemonizes the
 * postmaster, so it can outlive the JVM that started it: one found before a start was left by a ledger that ended
 * without stopping it (or started by hand), and would otherwise be used silently, "lock file exists", as it was
 * configured then.
 */
record RunningPostmaster(ProcessHandle process) {

    /** A fast shutdown rolls back open transactions and writes a checkpoint: bounded, but not instant. */
    private static final Duration STOPPING = Duration.ofSeconds(60);

    /** The postmaster named in the directory's postmaster.pid, if it runs and runs on this directory. */
    static Optional<RunningPostmaster> on(Path dataDirectory) throws IOException {
        List<String> pidFile;
        try {
            pidFile = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (pidFile.isEmpty() || !pidFile.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(pidFile.get(0).strip()))
                .filter(process -> isPostmasterOf(process, dataDirectory)).map(RunningPostmaster::new);
    }

    /** A postgres whose command line names this directory: a pid reused by another process is left alone. */
    private static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        if (!process.isAlive() || !info.command().map(command -> command.endsWith("/postgres")).orElse(false)) {
            return false;
        }
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && sameFile(Path.of(arguments[i + 1]), dataDirectory)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameFile(Path one, Path other) {
        try {
            return Files.isSameFile(one, other);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether a running ledger holds the directory: zonky locks {@code epg-lock} in it for as long as its database
     * runs. Such a postmaster is no orphan and must not be stopped.
     */
    static boolean directoryHeldByARunningLedger(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return true;
        }
    }

    long pid() {
        return process.pid();
    }

    /** A fast shutdown (SIGINT), as pg_ctl stop -m fast would send, and a bounded wait for the postmaster's end. */
    void stop() throws IOException {
        Process kill = new ProcessBuilder("sh", "-c", "kill -INT \"$1\"", "sh", Long.toString(pid()))
                .redirectErrorStream(true).start();
        try {
            kill.waitFor(10, TimeUnit.SECONDS);
            process.onExit().get(STOPPING.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the postmaster " + pid() + " did not stop within " + STOPPING, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
