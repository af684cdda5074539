package org.debtledger.query.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live subscribers of the public stream, each served by its own thread that reads a page at a time and writes
 * it out: a slow consumer holds up only itself, and nothing is buffered beyond one page. A consumer that falls
 * further behind the head than the bound is told so in an {@code error} event and disconnected, to resume by
 * paging. A comment line keeps idle connections open.
 */
@Component
class EventSubscribers {

    private static final Logger log = LoggerFactory.getLogger(EventSubscribers.class);
    private static final int PAGE = 200;
    private static final long IDLE_WAIT_MILLIS = 250;

    private final EventLog events;
    private final int maxSubscribers;
    private final long maxLag;
    private final long heartbeatMillis;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean stopping;

    EventSubscribers(EventLog events, @Value("${ledger.stream.max-subscribers:50}") int maxSubscribers,
                     @Value("${ledger.stream.max-lag:100000}") long maxLag,
                     @Value("${ledger.stream.heartbeat:15s}") java.time.Duration heartbeat) {
        this.events = events;
        this.maxSubscribers = maxSubscribers;
        this.maxLag = maxLag;
        this.heartbeatMillis = heartbeat.toMillis();
    }

    SseEmitter subscribe(long after, EventLog.Filter filter) {
        if (active.incrementAndGet() > maxSubscribers) {
            active.decrementAndGet();
            throw new TooManySubscribers(maxSubscribers);
        }
        SseEmitter emitter = new SseEmitter(0L);
        try {
            threads.execute(() -> {
                try {
                    follow(emitter, after, filter);
                } finally {
                    active.decrementAndGet();
                }
            });
        } catch (RuntimeException rejected) {
            active.decrementAndGet();
            throw rejected;
        }
        return emitter;
    }

    private void follow(SseEmitter emitter, long after, EventLog.Filter filter) {
        long position = after;
        long lastWrite = System.currentTimeMillis();
        try {
            while (!stopping) {
                long behind = events.head() - position;
                if (behind > maxLag) {
                    emitter.send(SseEmitter.event().name("error").data(Map.of("error", "too-slow",
                            "detail", "this consumer is " + behind + " events behind; resume by paging from "
                                    + position)));
                    emitter.complete();
                    return;
                }
                EventLog.Page page = events.after(position, PAGE, filter);
                for (PublicEvent event : page.events()) {
                    emitter.send(SseEmitter.event().id(Long.toString(event.position())).name(event.type()).data(event));
                    lastWrite = System.currentTimeMillis();
                }
                position = page.next();
                if (page.events().isEmpty()) {
                    if (System.currentTimeMillis() - lastWrite > heartbeatMillis) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                        lastWrite = System.currentTimeMillis();
                    }
                    Thread.sleep(IDLE_WAIT_MILLIS);
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            log.warn("event stream subscriber stopped: {}", e.getClass().getName());
            emitter.completeWithError(e);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        threads.shutdownNow();
    }
}
