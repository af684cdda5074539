package org.debtledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone jar, started with its shipped defaults, listens on loopback only: its HTTP port and its embedded
 * PostgreSQL, and anything else the JVM or the database's processes may open.
 */
class LoopbackOnlyIT {

    @TempDir
    Path workingDirectory;

    @Test
    void withItsShippedDefaultsNothingListensBeyondLoopback() throws Exception {
        try (LedgerJar ledger = new LedgerJar(workingDirectory).start()) {
            ProcessHandle postmaster = ledger.postmaster().orElseThrow();
            Map<InetSocketAddress, Long> listening = ListeningSockets.of(Stream.of(
                    Stream.of(ledger.process().toHandle()), ledger.process().descendants(),
                    Stream.of(postmaster), postmaster.descendants()).flatMap(processes -> processes));

            assertThat(listening.keySet()).as("the ledger's listening sockets")
                    .anyMatch(address -> address.getPort() == ledger.port)
                    .anyMatch(address -> address.getPort() == ledger.databasePort)
                    .allSatisfy(address -> assertThat(address.getAddress().isLoopbackAddress())
                            .as(address + " held by pid " + listening.get(address)).isTrue());
        }
    }
}
