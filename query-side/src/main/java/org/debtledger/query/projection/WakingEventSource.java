package org.debtledger.query.projection;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the read models' processors stream it, waking a processor that has caught up as soon as new
 * events arrive.
 * <p>
 * Axon's pooled processor looks at a caught-up stream again only every 500 ms unless the stream can call it back, and
 * the embedded event store's streams cannot: half a second was the projection lag, whatever the load. Here one more
 * stream, opened at the head on a thread of its own, waits for the store's next fetch and then calls back every
 * stream opened through this source. It reads what the embedded store has already fetched for all its streams at
 * the head, so it asks the database nothing more.
 * <p>
 * It calls back at most once an {@code interval}: each call starts a transaction in every segment with an event to
 * apply, and under load a call for each arrival made a transaction of nearly every event (the queries beside them
 * waited behind them). Events that arrive within the interval are applied together.
 */
final class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WakingEventSource.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Duration interval;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private Thread watcher;
    private volatile boolean closed;

    WakingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        watchFromHead();
        return new WakingStream(store.openStream(trackingToken));
    }

    /** Starts following the head with the first stream: any event appended after that wakes it. */
    private synchronized void watchFromHead() {
        if (watcher == null && !closed) {
            TrackingToken head = store.createHeadToken();
            watcher = new Thread(() -> watch(head), "event-arrivals");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** Stops following the head; returns once the stream it followed is closed. */
    @Override
    public void close() throws InterruptedException {
        Thread following;
        synchronized (this) {
            closed = true;
            following = watcher;
        }
        if (following != null) {
            following.interrupt();
            following.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Follows the head from {@code from}; after an arrival, once it has read it, calls every open stream back. */
    private void watch(TrackingToken from) {
        TrackingToken start = from;
        boolean again = false;
        while (!closed) {
            try {
                if (again) {
                    start = store.createHeadToken();
                }
                follow(start);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database out of reach, say: meanwhile the processors look again every 500 ms
                log.warn("Could not follow the event store's head, trying again in a second: {}", e.getMessage());
                again = true;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void follow(TrackingToken start) throws InterruptedException {
        try (BlockingStream<TrackedEventMessage<?>> head = store.openStream(start)) {
            while (!closed) {
                if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    while (head.hasNextAvailable()) {
                        head.nextAvailable();
                    }
                    callbacks.forEach(Runnable::run);
                    Thread.sleep(interval.toMillis());
                }
            }
        }
    }

    /** A stream of the store's whose owner is called back when events arrive. */
    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private volatile Runnable callback;

        private WakingStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                callbacks.remove(this.callback);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            events.close();
        }
    }
}
