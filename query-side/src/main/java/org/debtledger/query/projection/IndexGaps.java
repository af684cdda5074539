package org.debtledger.query.projection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gaps in the event store's global index. Concurrent transactions commit out of order (12 may be visible while 11 is
 * not yet), so a missing position may still be filled; one whose transaction rolled back, or died with its process,
 * is a hole that never will. No command transaction may last as long as the gap timeout, so a gap missing longer is
 * a hole. The public stream and the read positions both ask here, and what one learns is a hole the other passes.
 */
@Component
public class IndexGaps {

    /** For the read positions: how long after a later event was recorded a gap before it is a hole. */
    private static final Duration HOLE_AFTER = Duration.ofSeconds(10);
    /** For the stream: how long a gap must have been missing when no transaction is in flight. */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private final StoredEvents events;
    private final Duration gapTimeout;
    /** Positions given up as holes: never to hold an event. */
    private final Set<Long> holes = ConcurrentHashMap.newKeySet();
    /** When the stream first saw each missing position it has not yet given up. */
    private final Map<Long, Instant> gapsSeen = new ConcurrentHashMap<>();
    /**
     * Positions known not to be holes before a time (never, once filled), so that a gap is asked about when first
     * seen and when it could have become a hole, not at every read. Emptied when large, and asked again.
     */
    private final Map<Long, Instant> notHoleBefore = new ConcurrentHashMap<>();

    IndexGaps(StoredEvents events, @Value("${ledger.stream.gap-timeout:10s}") Duration gapTimeout) {
        this.events = events;
        this.gapTimeout = gapTimeout;
    }

    /**
     * For a reader of positions in order: whether the missing positions from {@code first} to {@code last} can no
     * longer commit, because this process first saw them missing longer ago than the gap timeout, or, sooner, a
     * second ago with no transaction in flight ({@code nothingInFlight}, as of the reader's snapshot).
     */
    public boolean settled(long first, long last, boolean nothingInFlight, Instant now) {
        if (holes.contains(first) && holes.contains(last)) {
            return true;
        }
        Instant seen = gapsSeen.computeIfAbsent(first, position -> now);
        Duration missing = Duration.between(seen, now);
        boolean settled = missing.compareTo(gapTimeout) >= 0 || (nothingInFlight && missing.compareTo(SETTLE) >= 0);
        if (settled) {
            for (long position = first; position <= last; position++) {
                gapsSeen.remove(position);
                holes.add(position);
            }
        }
        return settled;
    }

    /** The reader has passed {@code position}: the gaps it saw up to there are behind it. */
    public void passed(long position) {
        gapsSeen.keySet().removeIf(seen -> seen <= position);
    }

    /**
     * For a token's gap: whether the position will never hold an event, because an event after it was recorded more
     * than {@link #HOLE_AFTER} ago. (Axon's token keeps such gaps until it has hundreds of them, which would hold
     * every read with {@code minPosition} behind the first.)
     */
    public boolean isHole(long position) {
        if (holes.contains(position)) {
            return true;
        }
        Instant notBefore = notHoleBefore.get(position);
        if (notBefore != null && Instant.now().isBefore(notBefore)) {
            return false;
        }
        Optional<Map.Entry<Long, Instant>> next = events.firstFrom(position);
        if (next.isEmpty()) {
            return false;
        }
        if (notHoleBefore.size() >= 10_000) {
            notHoleBefore.clear();
        }
        if (next.get().getKey() == position) {
            notHoleBefore.put(position, Instant.MAX); // filled: the token will drop it
            return false;
        }
        Instant holeFrom = next.get().getValue().plus(HOLE_AFTER);
        if (Instant.now().isAfter(holeFrom)) {
            holes.add(position);
            return true;
        }
        notHoleBefore.put(position, holeFrom);
        return false;
    }
}
