package org.debtledger.query.stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;

/**
 * Live subscribers of the public stream: each is sent a page at a time, so nothing is buffered beyond one page.
 * A consumer that falls further behind the head than the bound is told so in an {@code error} event and
 * disconnected, to resume by paging.
 */
@Component
class EventSubscribers {

    private static final int PAGE = 200;

    private final PublicStreamPages pages;
    private final long maxLag;
    private final LiveSubscribers subscribers;

    EventSubscribers(PublicStreamPages pages, @Value("${ledger.stream.max-subscribers:50}") int maxSubscribers,
                     @Value("${ledger.stream.max-lag:100000}") long maxLag,
                     @Value("${ledger.stream.heartbeat:15s}") Duration heartbeat) {
        this.pages = pages;
        this.maxLag = maxLag;
        this.subscribers = new LiveSubscribers(maxSubscribers, heartbeat);
    }

    SseEmitter subscribe(long after, PublicStreamPages.Filter filter) {
        long[] position = {after};
        return subscribers.subscribe(emitter -> {
            long behind = pages.head() - position[0];
            if (behind > maxLag) {
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
        });
    }

    /** Live streams end as the ledger begins to shut down: a graceful shutdown waits for open requests. */
    @EventListener(ContextClosedEvent.class)
    @PreDestroy
    void stop() {
        subscribers.stop();
    }
}
