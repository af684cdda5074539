package org.debtledger.query.freshness;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How far a read model has come: the highest event-store position up to which every event has been applied,
 * across all of its segments, read from the shared token store so any query process knows it. Queries with
 * {@code minPosition} wait for it, within a bound, instead of answering with stale data.
 */
@Component
public class ReadPositions {

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Duration maxWait;

    ReadPositions(EventProcessingConfiguration processing, JdbcClient jdbc, Serializer serializer,
                  @Value("${ledger.freshness.max-wait:2s}") Duration maxWait) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.maxWait = maxWait;
    }

    /**
     * Every event at or below this position has been applied by the processing group; 0 before any. A segment this
     * process works on counts as far as it has got; one another process works on, as far as its stored token says
     * (stored at least every second even when the segment has nothing to do).
     */
    public long reached(String processingGroup) {
        Map<Integer, EventTrackerStatus> local = processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        List<Long> segments = jdbc.sql("SELECT segment, token, tokentype FROM tokenentry WHERE processorname = :name")
                .param("name", processingGroup)
                .query((row, n) -> {
                    EventTrackerStatus status = local.get(row.getInt(1));
                    if (status != null && status.getTrackingToken() != null) {
                        return completeThrough(status.getTrackingToken());
                    }
                    return row.getBytes(2) == null ? 0L : completeThrough(serializer.deserialize(
                            new SimpleSerializedObject<>(row.getBytes(2), byte[].class, row.getString(3), null)));
                })
                .list();
        return segments.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /**
     * Waits until the processing group has reached {@code minPosition}, or the bound passes.
     *
     * @return the position reached
     * @throws NotFreshEnough when the bound passed first
     */
    public long awaitAtLeast(String processingGroup, Long minPosition) {
        long reached = reached(processingGroup);
        if (minPosition == null || reached >= minPosition) {
            return reached;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            reached = reached(processingGroup);
            if (reached >= minPosition) {
                return reached;
            }
        }
        throw new NotFreshEnough(minPosition, reached);
    }

    private static long completeThrough(Object token) {
        if (token == null) {
            return 0;
        }
        if (token instanceof ReplayToken replay) {
            // Until the replay passes its reset point, the live tables are as complete as they were at reset.
            return Math.max(completeThrough(replay.getTokenAtReset()), completeThrough(replay.getCurrentToken()));
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getGaps().isEmpty() ? gapAware.getIndex() : gapAware.getGaps().first() - 1;
        }
        return ((TrackingToken) token).position().orElse(0);
    }

    /** The read model has not reached the position asked for within the bound. */
    public static class NotFreshEnough extends RuntimeException {
        public NotFreshEnough(long wanted, long reached) {
            super("the read model has reached position " + reached + ", not yet " + wanted + "; try again shortly");
        }
    }
}
