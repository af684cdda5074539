package org.debtledger.interest;

import org.debtledger.debt.Jurisdiction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceRateCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final ReferenceRateCache cache = new ReferenceRateCache(() -> {
        reads.incrementAndGet();
        return ReferenceRates.of(Jurisdiction.FI, List.of());
    }, Duration.ofSeconds(5), now::get);

    @Test
    void ratesAreReadOnceAndAgainOnlyWhenTheReadingIsOlderThanItsMaxAge() {
        cache.get();
        now.addAndGet(Duration.ofMillis(4_999).toNanos());
        cache.get();
        assertThat(reads).hasValue(1);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        cache.get();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aChangeInThisProcessIsReadAtOnce() {
        cache.get();
        cache.changed();
        cache.get();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadingBegunBeforeAChangeIsNotKeptAfterIt() {
        AtomicInteger readsHere = new AtomicInteger();
        ReferenceRateCache[] changing = new ReferenceRateCache[1];
        changing[0] = new ReferenceRateCache(() -> {
            if (readsHere.incrementAndGet() == 1) {
                changing[0].changed(); // committed while the first reading was under way
            }
            return ReferenceRates.of(Jurisdiction.FI, List.of(new ReferenceRates.Period(LocalDate.parse("2026-01-01"),
                    LocalDate.parse("2026-06-30"), 250)));
        }, Duration.ofSeconds(5), now::get);
        changing[0].get();
        changing[0].get();
        assertThat(readsHere).hasValue(2);
    }
}
