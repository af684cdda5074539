package org.debtledger.query.projection;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value read again only once it is older than a bound: figures that take a query, asked for by each of several
 * gauges at every scrape, are read once for all of them. A read that failed (the database out of reach) is not tried
 * again within the bound either, so that a scrape does not wait for a connection once for every gauge.
 */
final class CachedFor<T> {

    private final long maxAgeNanos;
    private final Supplier<T> read;
    private final LongSupplier nanoTime;
    private boolean everRead;
    private long readAt;
    private T value;
    private RuntimeException failure;

    CachedFor(Duration maxAge, Supplier<T> read, LongSupplier nanoTime) {
        this.maxAgeNanos = maxAge.toNanos();
        this.read = read;
        this.nanoTime = nanoTime;
    }

    synchronized T get() {
        long now = nanoTime.getAsLong();
        if (!everRead || now - readAt >= maxAgeNanos) {
            everRead = true;
            readAt = now;
            try {
                value = read.get();
                failure = null;
            } catch (RuntimeException e) {
                value = null;
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
