package org.debtledger.query.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live subscribers of the public stream: each is sent a page at a time, so nothing is buffered beyond one page.
 * A consumer that falls further behind the head than the bound is told so in an {@code error} event and
 * disconnected, to resume by paging. The metrics show how many follow the stream ({@code ledger.stream.subscribers}),
 * how far behind the head the furthest is ({@code ledger.stream.lag.events}), and how many were disconnected for
 * falling too far behind ({@code ledger.stream.too.slow}).
 */
@Component
class EventSubscribers {

    private static final int PAGE = 200;

    private final PublicStreamPages pages;
    private final long maxLag;
    private final LiveSubscribers subscribers;
    /** How far behind the head each subscriber was at its last round. */
    private final Set<AtomicLong> behindBySubscriber = ConcurrentHashMap.newKeySet();
    private final Counter tooSlow;

    EventSubscribers(PublicStreamPages pages, @Value("${ledger.stream.max-subscribers:50}") int maxSubscribers,
                     @Value("${ledger.stream.max-lag:100000}") long maxLag,
                     @Value("${ledger.stream.heartbeat:15s}") Duration heartbeat, MeterRegistry registry) {
        this.pages = pages;
        this.maxLag = maxLag;
        this.subscribers = new LiveSubscribers(maxSubscribers, heartbeat);
        Gauge.builder("ledger.stream.subscribers", subscribers, LiveSubscribers::active)
                .description("Live subscribers of the public event stream").register(registry);
        Gauge.builder("ledger.stream.lag.events", behindBySubscriber, EventSubscribers::furthestBehind)
                .description("Events between the head and the live subscriber furthest behind it").register(registry);
        this.tooSlow = Counter.builder("ledger.stream.too.slow")
                .description("Live subscribers disconnected for falling too far behind").register(registry);
    }

    static long furthestBehind(Set<AtomicLong> behindBySubscriber) {
        return behindBySubscriber.stream().mapToLong(AtomicLong::get).max().orElse(0);
    }

    SseEmitter subscribe(long after, PublicStreamPages.Filter filter) {
        AtomicLong lag = new AtomicLong();
        behindBySubscriber.add(lag);
        try {
            return subscribers.subscribe(follower(after, filter, lag), () -> behindBySubscriber.remove(lag));
        } catch (RuntimeException refused) {
            behindBySubscriber.remove(lag);
            throw refused;
        }
    }

    private LiveSubscribers.Follower follower(long after, PublicStreamPages.Filter filter, AtomicLong lag) {
        long[] position = {after};
        return emitter -> {
            long behind = pages.head() - position[0];
            lag.set(Math.max(0, behind));
            if (behind > maxLag) {
                tooSlow.increment();
                emitter.send(SseEmitter.event().name("error").data(Map.of("error", "too-slow",
                        "detail", "this consumer is " + behind + " events behind; resume by paging from "
                                + position[0])));
                return LiveSubscribers.Round.FINISHED;
            }
            PublicStreamPages.Page page = pages.after(position[0], PAGE, filter);
            for (PublicEvent event : page.events()) {
                emitter.send(SseEmitter.event().id(Long.toString(event.position())).name(event.type()).data(event));
            }
            position[0] = page.next();
            return page.events().isEmpty() ? LiveSubscribers.Round.NOTHING_NEW : LiveSubscribers.Round.SENT;
        };
    }

    /** Live streams end as the ledger begins to shut down: a graceful shutdown waits for open requests. */
    @EventListener(ContextClosedEvent.class)
    @PreDestroy
    void stop() {
        subscribers.stop();
    }
}
