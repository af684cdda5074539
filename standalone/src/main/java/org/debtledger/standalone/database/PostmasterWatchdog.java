package org.debtledger.standalone.database;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A small shell beside the postmaster that stops it (SIGINT, a fast shutdown) the moment this JVM is gone, even by
 * {@code kill -9}: it waits for the end of its standard input, a pipe only this JVM holds open, which the kernel
 * closes when the JVM dies. It checks that the pid is still a postgres before signalling. Closed first when the
 * ledger stops its database itself.
 */
final class PostmasterWatchdog implements AutoCloseable {

    // INT and HUP ignored: a Ctrl-C or a closed terminal reaches the JVM too, which stops its database in order
    private static final String SCRIPT = """
            trap '' INT HUP
            read -r _
            read -r name < /proc/$1/comm && [ "$name" = postgres ] && kill -INT "$1"
            """;

    private final Process shell;

    private PostmasterWatchdog(Process shell) {
        this.shell = shell;
    }

    static PostmasterWatchdog watch(long postmasterPid) throws IOException {
        return new PostmasterWatchdog(new ProcessBuilder("sh", "-c", SCRIPT, "ledger-postmaster-watchdog",
                Long.toString(postmasterPid)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    long pid() {
        return shell.pid();
    }

    @Override
    public void close() {
        shell.destroy();
        try {
            shell.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
