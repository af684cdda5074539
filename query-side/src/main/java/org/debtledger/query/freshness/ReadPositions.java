package org.debtledger.query.freshness;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * How far a read model has come: the highest event-store position up to which every event has been applied,
 * across all of its segments, read from the shared token store so any query process knows it. Queries with
 * {@code minPosition} wait for it, within a bound, instead of answering with stale data.
 */
@Component
public class ReadPositions {

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Duration maxWait;

    ReadPositions(JdbcClient jdbc, Serializer serializer, @Value("${ledger.freshness.max-wait:2s}") Duration maxWait) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.maxWait = maxWait;
    }

    /** Every event at or below this position has been applied by the processing group; 0 before any. */
    public long reached(String processingGroup) {
        List<TrackingToken> tokens = jdbc.sql("SELECT token, tokentype FROM tokenentry WHERE processorname = :name")
                .param("name", processingGroup)
                .query((row, n) -> row.getBytes(1) == null ? null : (TrackingToken) serializer.deserialize(
                        new SimpleSerializedObject<>(row.getBytes(1), byte[].class, row.getString(2), null)))
                .list();
        if (tokens.isEmpty()) {
            return 0;
        }
        return tokens.stream().mapToLong(ReadPositions::completeThrough).min().orElse(0);
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

    private static long completeThrough(TrackingToken token) {
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
        return token.position().orElse(0);
    }

    /** The read model has not reached the position asked for within the bound. */
    public static class NotFreshEnough extends RuntimeException {
        public NotFreshEnough(long wanted, long reached) {
            super("the read model has reached position " + reached + ", not yet " + wanted + "; try again shortly");
        }
    }
}
