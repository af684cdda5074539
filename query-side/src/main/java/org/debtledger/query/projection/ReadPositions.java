package org.debtledger.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How far a read model has come: the highest event-store position up to which every event has been applied,
 * across all of its segments, read from the shared token store so any query process knows it. Queries with
 * {@code minPosition} wait for it, within a bound, instead of answering with stale data.
 */
@Component
public class ReadPositions {

    private static final Object NO_TOKEN = new Object();

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final StoredEvents events;
    private final IndexGaps gaps;
    private final Duration maxWait;

    ReadPositions(EventProcessingConfiguration processing, JdbcClient jdbc, Serializer serializer,
                  StoredEvents events, IndexGaps gaps, @Value("${ledger.freshness.max-wait:2s}") Duration maxWait) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.events = events;
        this.gaps = gaps;
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
        // the one query process, or the one holding all, has no token of another to read
        List<Object> tokens = holdsEverySegment(local.values())
                ? local.values().stream().map(status -> (Object) status.getTrackingToken()).toList()
                : storedTokens(processingGroup, local);
        // the tokens first, then what they have completed: that may ask the store, one connection at a time
        return tokens.stream().mapToLong(token -> token == NO_TOKEN ? 0 : completeThrough(token)).min().orElse(0);
    }

    /** Every segment's token: this process's own where it works on the segment, else the stored one. */
    private List<Object> storedTokens(String processingGroup, Map<Integer, EventTrackerStatus> local) {
        return jdbc.sql("SELECT segment, token, tokentype FROM tokenentry WHERE processorname = :name")
                .param("name", processingGroup)
                .query((row, n) -> {
                    EventTrackerStatus status = local.get(row.getInt(1));
                    if (status != null && status.getTrackingToken() != null) {
                        return (Object) status.getTrackingToken();
                    }
                    return row.getBytes(2) == null ? NO_TOKEN : serializer.deserialize(
                            new SimpleSerializedObject<>(row.getBytes(2), byte[].class, row.getString(3), null));
                })
                .list();
    }

    /**
     * Whether these segments cover every event between them, each with a token: a segment's mask says what share of
     * the events it gets (mask 0 all, 1 a half, 3 a quarter), so the shares of all segments add up to the whole.
     */
    private static boolean holdsEverySegment(Collection<EventTrackerStatus> statuses) {
        long whole = 1L << 32;
        long held = 0;
        for (EventTrackerStatus status : statuses) {
            if (status.getTrackingToken() == null) {
                return false;
            }
            held += whole / (status.getSegment().getMask() + 1L);
        }
        return held == whole;
    }

    /**
     * Waits until the processing group has reached {@code minPosition}, or the bound passes.
     *
     * @return the position reached
     * @throws NotFreshEnough when the bound passed first
     */
    public long awaitAtLeast(String processingGroup, Long minPosition) {
        return awaitAtLeast(processingGroup, minPosition, maxWait);
    }

    /** As {@link #awaitAtLeast(String, Long)}, waiting up to {@code maxWait}. */
    public long awaitAtLeast(String processingGroup, Long minPosition, Duration maxWait) {
        long reached = reached(processingGroup);
        if (minPosition == null || reached >= minPosition) {
            return reached;
        }
        long head = events.head();
        if (minPosition > head) {
            // no wait can reach it: a command answers with the position of an event already stored
            throw new IllegalArgumentException("minPosition " + minPosition + " is beyond the newest event stored ("
                    + head + "); ask with the position a command answered with");
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

    private long completeThrough(Object token) {
        if (token == null) {
            return 0;
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            for (long gap : gapAware.getGaps()) {
                if (!gaps.isHole(gap)) {
                    return gap - 1;
                }
            }
            return gapAware.getIndex();
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
