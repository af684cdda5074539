package org.debtledger.query.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-sent-event subscribers, each served by its own thread, so a slow one holds up only itself. A subscriber's
 * {@link Follower} sends what is new each round; when nothing is, the thread waits a moment, and a comment line
 * keeps an idle connection open. The number of subscribers is bounded.
 */
public final class LiveSubscribers {

    private static final Logger log = LoggerFactory.getLogger(LiveSubscribers.class);
    private static final long IDLE_WAIT_MILLIS = 250;

    private final int maxSubscribers;
    private final long heartbeatMillis;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean stopping;

    public LiveSubscribers(int maxSubscribers, Duration heartbeat) {
        this.maxSubscribers = maxSubscribers;
        this.heartbeatMillis = heartbeat.toMillis();
    }

    /** What one round of following a subscriber came to. */
    public enum Round { SENT, NOTHING_NEW, FINISHED }

    /** Sends a subscriber what is new since its last round. */
    public interface Follower {
        Round next(SseEmitter emitter) throws IOException;
    }

    public SseEmitter subscribe(Follower follower) {
        return subscribe(follower, () -> { });
    }

    /** As {@link #subscribe(Follower)}, running {@code ended} once the subscriber is no longer followed. */
    public SseEmitter subscribe(Follower follower, Runnable ended) {
        if (active.incrementAndGet() > maxSubscribers) {
            active.decrementAndGet();
            throw new TooManySubscribers(maxSubscribers);
        }
        SseEmitter emitter = new SseEmitter(0L);
        try {
            threads.execute(() -> {
                try {
                    follow(emitter, follower);
                } finally {
                    active.decrementAndGet();
                    ended.run();
                }
            });
        } catch (RuntimeException rejected) {
            active.decrementAndGet();
            ended.run();
            throw rejected;
        }
        return emitter;
    }

    private void follow(SseEmitter emitter, Follower follower) {
        long lastWrite = System.currentTimeMillis();
        try {
            while (!stopping) {
                Round round = follower.next(emitter);
                if (round == Round.FINISHED) {
                    emitter.complete();
                    return;
                }
                if (round == Round.SENT) {
                    lastWrite = System.currentTimeMillis();
                    continue;
                }
                if (System.currentTimeMillis() - lastWrite > heartbeatMillis) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    lastWrite = System.currentTimeMillis();
                }
                Thread.sleep(IDLE_WAIT_MILLIS);
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            log.warn("stream subscriber stopped: {}", e.getClass().getName());
            emitter.completeWithError(e);
        }
    }

    /** How many subscribers are followed now. */
    public int active() {
        return active.get();
    }

    public void stop() {
        stopping = true;
        threads.shutdownNow();
    }
}
