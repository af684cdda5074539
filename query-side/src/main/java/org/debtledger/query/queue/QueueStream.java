package org.debtledger.query.queue;

import org.debtledger.query.ProcessingGroups;
import org.debtledger.query.ProjectionVersions;
import org.debtledger.query.freshness.ReadPositions;
import org.debtledger.query.stream.TooManySubscribers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.debtledger.query.ProjectionVersions.table;

/**
 * Live changes of the advisor queue, read from the table so that changes made by any query process are seen.
 * Each subscriber has its own thread, so a slow one holds up only itself. Changes are sent only up to the
 * position the whole queue model has reached (segments commit independently, and a change at a lower position
 * may land after one at a higher), and a position's changes always go out together.
 */
@Component
class QueueStream {

    private static final Logger log = LoggerFactory.getLogger(QueueStream.class);
    private static final long POSITIONS_PER_BATCH = 500;
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final JdbcClient jdbc;
    private final ProjectionVersions versions;
    private final ReadPositions positions;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger active = new AtomicInteger();
    private final int maxSubscribers = 100;
    private volatile boolean stopping;

    QueueStream(JdbcClient jdbc, ProjectionVersions versions, ReadPositions positions) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.positions = positions;
    }

    SseEmitter subscribe(long after) {
        if (active.incrementAndGet() > maxSubscribers) {
            active.decrementAndGet();
            throw new TooManySubscribers(maxSubscribers);
        }
        SseEmitter emitter = new SseEmitter(0L);
        try {
            threads.execute(() -> {
                try {
                    follow(emitter, after);
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

    private void follow(SseEmitter emitter, long after) {
        long last = after;
        long lastWrite = System.currentTimeMillis();
        try {
            while (!stopping) {
                long upTo = Math.min(positions.reached(ProcessingGroups.ADVISOR_QUEUE), last + POSITIONS_PER_BATCH);
                String items = table("work_item", versions.of(ProcessingGroups.ADVISOR_QUEUE).active());
                List<WorkItem> changed = upTo <= last ? List.of() : jdbc.sql("SELECT " + WorkItem.COLUMNS + " FROM "
                                + items + " WHERE changed_position > :after AND changed_position <= :upTo"
                                + " ORDER BY changed_position, item_id")
                        .param("after", last).param("upTo", upTo).query(WorkItem::from).list();
                for (WorkItem item : changed) {
                    emitter.send(SseEmitter.event().id(Long.toString(item.changedPosition())).name("work-item").data(item));
                    lastWrite = System.currentTimeMillis();
                }
                last = Math.max(last, upTo);
                if (changed.isEmpty()) {
                    if (System.currentTimeMillis() - lastWrite > HEARTBEAT_MILLIS) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                        lastWrite = System.currentTimeMillis();
                    }
                    Thread.sleep(500);
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            log.warn("advisor queue stream subscriber stopped: {}", e.getClass().getName());
            emitter.completeWithError(e);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        threads.shutdownNow();
    }
}
