package org.debtledger.query.projection;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value read again only once it is older than a bound: figures that take a query, asked for by each of several
 * gauges at every scrape, are read once for all of them.
 */
final class CachedFor<T> {

    private final long maxAgeNanos;
    private final Supplier<T> read;
    private final LongSupplier nanoTime;
    private T value;
    private long readAt;

    CachedFor(Duration maxAge, Supplier<T> read, LongSupplier nanoTime) {
        this.maxAgeNanos = maxAge.toNanos();
        this.read = read;
        this.nanoTime = nanoTime;
    }

    synchronized T get() {
        long now = nanoTime.getAsLong();
        if (value == null || now - readAt >= maxAgeNanos) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
