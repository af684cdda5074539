package org.debtledger.command.runs;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RunRateTest {

    private static final Instant START = Instant.parse("2025-06-10T07:00:00Z");

    @Test
    void theRateIsWhatWasDoneOverTheTimeUntilTheCountsWereWritten() {
        assertThat(Run.perSecond(12_000, START, START.plusSeconds(8))).isEqualTo(1_500);
        assertThat(Run.perSecond(300, START, START.plusMillis(250))).isEqualTo(1_200);
        assertThat(Run.perSecond(5, START, START)).isEqualTo(5_000); // counted within the millisecond it began
        assertThat(Run.perSecond(0, START, START.plusSeconds(3))).isZero();
    }

    @Test
    void theTimeToGoIsWhatIsLeftAtThatRateAndUnknownUntilItCanBeTold() {
        assertThat(Run.secondsToGo(38_000, 1_500, false)).isEqualTo(25);
        assertThat(Run.secondsToGo(0, 1_500, false)).isZero();
        assertThat(Run.secondsToGo(null, 1_500, false)).as("not counted yet").isNull();
        assertThat(Run.secondsToGo(500, 0, false)).as("nothing done yet").isNull();
        assertThat(Run.secondsToGo(500, 1_500, true)).as("a run that has ended").isNull();
    }
}
