package org.debtledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The embedded PostgreSQL does not outlive its ledger: after {@code kill -9} of the jar it stops within moments. */
class KilledLedgerIT {

    @TempDir
    Path workingDirectory;

    @Test
    void afterKill9OfTheLedgerItsDatabaseStopsWithinSeconds() throws Exception {
        try (LedgerJar ledger = new LedgerJar(workingDirectory).start()) {
            ProcessHandle postmaster = ledger.postmaster().orElseThrow();

            ledger.process().destroyForcibly(); // SIGKILL: the ledger runs nothing of its own on the way out
            assertThat(ledger.process().waitFor(20, TimeUnit.SECONDS)).isTrue();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(postmaster.isAlive()).as("postmaster " + postmaster.pid()).isFalse());
        }
    }
}
