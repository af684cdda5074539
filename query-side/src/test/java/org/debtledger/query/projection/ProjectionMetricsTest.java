package org.debtledger.query.projection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionMetricsTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void aReadModelBehindIsBehindByThePositionsBetweenAndTheAgeOfTheOldestEventNotApplied() {
        ProjectionMetrics.Lag lag = ProjectionMetrics.lag(120, 100, Optional.of(NOW.minusMillis(2500)), NOW);

        assertThat(lag.events()).isEqualTo(20);
        assertThat(lag.seconds()).isEqualTo(2.5);
    }

    @Test
    void aReadModelThatHasAppliedEverythingIsNotBehind() {
        assertThat(ProjectionMetrics.lag(120, 120, Optional.empty(), NOW)).isEqualTo(new ProjectionMetrics.Lag(0, 0));
        // a stored token read just after the head was: never behind by less than nothing
        assertThat(ProjectionMetrics.lag(120, 121, Optional.empty(), NOW)).isEqualTo(new ProjectionMetrics.Lag(0, 0));
    }

    @Test
    void positionsLeftByRolledBackTransactionsAloneAreBehindInPositionsButNotInTime() {
        assertThat(ProjectionMetrics.lag(120, 118, Optional.empty(), NOW)).isEqualTo(new ProjectionMetrics.Lag(2, 0));
    }

    @Test
    void anEventRecordedByAClockAheadOfThisOneIsNoTimeBehind() {
        assertThat(ProjectionMetrics.lag(120, 100, Optional.of(NOW.plusSeconds(1)), NOW).seconds()).isZero();
    }

    @Test
    void figuresAreReadAgainOnlyOnceOlderThanTheBound() {
        AtomicLong nanos = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        CachedFor<Integer> cached = new CachedFor<>(Duration.ofSeconds(5), reads::incrementAndGet, nanos::get);

        assertThat(cached.get()).isEqualTo(1);
        nanos.set(Duration.ofMillis(4999).toNanos());
        assertThat(cached.get()).as("asked again within the bound").isEqualTo(1);
        nanos.set(Duration.ofSeconds(5).toNanos());
        assertThat(cached.get()).as("asked once the bound has passed").isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadThatFailedIsNotTriedAgainWithinTheBound() {
        AtomicLong nanos = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        CachedFor<Integer> cached = new CachedFor<>(Duration.ofSeconds(5), () -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is out of reach");
            }
            return reads.get();
        }, nanos::get);

        assertThatThrownBy(cached::get).hasMessage("the database is out of reach");
        assertThatThrownBy(cached::get).as("asked again within the bound").isInstanceOf(IllegalStateException.class);
        assertThat(reads).hasValue(1);
        nanos.set(Duration.ofSeconds(5).toNanos());
        assertThat(cached.get()).isEqualTo(2);
    }
}
