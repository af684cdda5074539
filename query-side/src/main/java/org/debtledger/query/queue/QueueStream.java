package org.debtledger.query.queue;

import org.debtledger.query.ProcessingGroups;
import org.debtledger.query.ProjectionVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.debtledger.query.ProjectionVersions.table;

/**
 * Live changes of the advisor queue. Each subscriber is polled from the table every second for items changed
 * after the last position it was sent, so it sees changes made by any query process; a comment line every 15
 * seconds keeps idle connections open. The number of subscribers is bounded.
 */
@Component
class QueueStream {

    private static final Logger log = LoggerFactory.getLogger(QueueStream.class);
    private static final int MAX_SUBSCRIBERS = 100;
    private static final int BATCH = 100;
    private static final long HEARTBEAT_EVERY_POLLS = 15;

    private final JdbcClient jdbc;
    private final ProjectionVersions versions;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentHashMap<SseEmitter, long[]> subscribers = new ConcurrentHashMap<>();
    private long polls;

    QueueStream(JdbcClient jdbc, ProjectionVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
        poller.scheduleWithFixedDelay(this::poll, 1, 1, TimeUnit.SECONDS);
    }

    SseEmitter subscribe(long after) {
        if (subscribers.size() >= MAX_SUBSCRIBERS) {
            throw new IllegalStateException("too many subscribers to the advisor queue stream");
        }
        SseEmitter emitter = new SseEmitter(0L);
        subscribers.put(emitter, new long[]{after});
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(error -> subscribers.remove(emitter));
        return emitter;
    }

    private void poll() {
        if (subscribers.isEmpty()) {
            return;
        }
        boolean heartbeat = ++polls % HEARTBEAT_EVERY_POLLS == 0;
        try {
            String items = table("work_item", versions.of(ProcessingGroups.ADVISOR_QUEUE).active());
            subscribers.forEach((emitter, last) -> send(emitter, last, items, heartbeat));
        } catch (RuntimeException e) {
            log.warn("advisor queue stream could not poll: {}", e.getClass().getName());
        }
    }

    private void send(SseEmitter emitter, long[] last, String items, boolean heartbeat) {
        List<WorkItem> changed = jdbc.sql("SELECT " + WorkItem.COLUMNS + " FROM " + items
                        + " WHERE changed_position > :after ORDER BY changed_position, item_id LIMIT :batch")
                .param("after", last[0]).param("batch", BATCH)
                .query(WorkItem::from).list();
        try {
            for (WorkItem item : changed) {
                emitter.send(SseEmitter.event().id(Long.toString(item.changedPosition())).name("work-item").data(item));
                last[0] = item.changedPosition();
            }
            if (changed.isEmpty() && heartbeat) {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            }
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(emitter);
            emitter.completeWithError(e);
        }
    }

    @PreDestroy
    void stop() {
        subscribers.keySet().forEach(SseEmitter::complete);
        poller.shutdownNow();
    }
}
