package org.debtledger.query.queue;

import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ReadPositions;
import org.debtledger.query.stream.LiveSubscribers;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;

import static org.debtledger.query.projection.ProjectionVersions.active;

/**
 * Live changes of the advisor queue, read from the table so that changes made by any query process are seen.
 * Changes are sent only up to the position the whole queue model has reached (segments commit independently, and
 * a change at a lower position may land after one at a higher), and a position's changes always go out together.
 */
@Component
class QueueStream {

    private static final long POSITIONS_PER_ROUND = 500;

    private final JdbcClient jdbc;
    private final ReadPositions positions;
    private final LiveSubscribers subscribers = new LiveSubscribers(100, Duration.ofSeconds(15));

    QueueStream(JdbcClient jdbc, ReadPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    SseEmitter subscribe(long after) {
        long[] last = {after};
        return subscribers.subscribe(emitter -> {
            long upTo = Math.min(positions.reached(ProcessingGroups.ADVISOR_QUEUE), last[0] + POSITIONS_PER_ROUND);
            if (upTo <= last[0]) {
                return LiveSubscribers.Round.NOTHING_NEW;
            }
            String items = active("work_item");
            List<WorkItem> changed = jdbc.sql("SELECT " + WorkItem.COLUMNS + " FROM " + items
                            + " WHERE changed_position > :after AND changed_position <= :upTo"
                            + " ORDER BY changed_position, item_id")
                    .param("after", last[0]).param("upTo", upTo).query(WorkItem::from).list();
            for (WorkItem item : changed) {
                emitter.send(SseEmitter.event().id(Long.toString(item.changedPosition())).name("work-item").data(item));
            }
            last[0] = upTo;
            return changed.isEmpty() ? LiveSubscribers.Round.NOTHING_NEW : LiveSubscribers.Round.SENT;
        });
    }

    /** Live streams end as the ledger begins to shut down: a graceful shutdown waits for open requests. */
    @EventListener(ContextClosedEvent.class)
    @PreDestroy
    void stop() {
        subscribers.stop();
    }
}
