package org.debtledger.interest;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The reference rates as last read from where an operator keeps them, read again once the reading is older than
 * {@code maxAge}, and at once after this process changed them: every process sees a change within {@code maxAge},
 * and no command waits on a read of its own.
 */
public final class ReferenceRateCache implements Supplier<ReferenceRates> {

    private final Supplier<ReferenceRates> read;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    /** Counts the changes this process made, so that a reading begun before one is never kept after it. */
    private final AtomicLong changes = new AtomicLong();
    private volatile Reading last;

    /**
     * @param read     reads the rates in force now
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public ReferenceRateCache(Supplier<ReferenceRates> read, Duration maxAge, LongSupplier nanoTime) {
        this.read = Objects.requireNonNull(read, "read");
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public ReferenceRates get() {
        Reading reading = last;
        if (!fresh(reading)) {
            reading = readAgain();
        }
        return reading.rates();
    }

    /** The rates were changed by this process: the next {@link #get} reads them again. */
    public void changed() {
        changes.incrementAndGet();
    }

    private boolean fresh(Reading reading) {
        return reading != null && reading.change() == changes.get()
                && nanoTime.getAsLong() - reading.readAt() < maxAgeNanos;
    }

    /** One reader at a time; the others take what it read. */
    private synchronized Reading readAgain() {
        if (fresh(last)) {
            return last;
        }
        long change = changes.get();
        long readAt = nanoTime.getAsLong();
        Reading reading = new Reading(read.get(), readAt, change);
        last = reading;
        return reading;
    }

    private record Reading(ReferenceRates rates, long readAt, long change) {
    }
}
