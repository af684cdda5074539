package org.debtledger.query.projection;

import org.debtledger.query.projection.StoredEvents.Horizon;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gaps in the event store's global index. Concurrent transactions commit out of order (12 may be visible while 11 is
 * not yet), so a missing position may still be filled; one whose transaction rolled back, or died with its process,
 * is a hole that never will.
 * <p>
 * The transaction that took a position had begun when this process first saw the position missing, a later one
 * being visible, so it is one of those that had begun by then. Once each of those has ended (the database's oldest
 * transaction in flight is younger) and the position is still missing, its transaction rolled back: the position is
 * a hole. This is asked no sooner than {@link #SETTLE} after the gap was first seen, as a transaction takes its
 * position a moment before it begins to write. A gap missing for the gap timeout is a hole whatever is in flight, as
 * no command transaction lasts that long.
 * <p>
 * The public stream and the read positions both ask here, and what one learns is a hole the other passes.
 */
@Component
public class IndexGaps {

    /** How long after a gap was first seen it is first asked whether its transaction has ended. */
    static final Duration SETTLE = Duration.ofSeconds(1);
    /** Gaps remembered at most; past that they are forgotten, and seen again as new. */
    private static final int MAX_REMEMBERED = 10_000;

    private final StoredEvents events;
    private final Duration gapTimeout;
    private final Clock clock;
    /** Positions given up as holes: never to hold an event. */
    private final Set<Long> holes = ConcurrentHashMap.newKeySet();
    /** When each missing position not yet given up was first seen, and the first transaction not begun then. */
    private final Map<Long, Seen> gapsSeen = new ConcurrentHashMap<>();
    /** Token gaps found filled since: a token lists one until it is next stored, and it is not asked about again. */
    private final Set<Long> filled = ConcurrentHashMap.newKeySet();

    private record Seen(Instant at, long nextTransaction) {

        boolean settled(Horizon horizon, Instant now, Duration gapTimeout) {
            Duration missing = Duration.between(at, now);
            return missing.compareTo(gapTimeout) >= 0
                    || (missing.compareTo(SETTLE) >= 0 && horizon.oldest() >= nextTransaction);
        }
    }

    IndexGaps(StoredEvents events, @Value("${ledger.stream.gap-timeout:10s}") Duration gapTimeout, Clock clock) {
        this.events = events;
        this.gapTimeout = gapTimeout;
        this.clock = clock;
    }

    /**
     * For a reader of positions in order: whether the missing positions from {@code first} to {@code last} can no
     * longer commit, as the reader's snapshot ({@code horizon}) sees the transactions.
     */
    public boolean settled(long first, long last, Horizon horizon, Instant now) {
        if (holes.contains(first) && holes.contains(last)) {
            return true;
        }
        if (!seen(first, horizon, now).settled(horizon, now, gapTimeout)) {
            return false;
        }
        for (long position = first; position <= last; position++) {
            gapsSeen.remove(position);
            holes.add(position);
        }
        return true;
    }

    /** The reader has passed {@code position}: the gaps it saw up to there are behind it. */
    public void passed(long position) {
        gapsSeen.keySet().removeIf(seen -> seen <= position);
    }

    /**
     * For a token's gap: whether the position will never hold an event. (Axon's token keeps such gaps until it has
     * hundreds of them, which would hold every read with {@code minPosition} behind the first.) The database is asked
     * when the gap is first seen, and again from {@link #SETTLE} after that until it is filled or given up.
     */
    public boolean isHole(long position) {
        if (holes.contains(position)) {
            return true;
        }
        if (filled.contains(position)) {
            return false;
        }
        Instant now = clock.instant();
        Seen seen = gapsSeen.get(position);
        if (seen != null && now.isBefore(seen.at().plus(SETTLE))) {
            return false;
        }
        StoredEvents.Lookup lookup = events.lookUp(position);
        if (lookup.stored()) {
            gapsSeen.remove(position); // filled: the token will drop it
            if (filled.size() >= MAX_REMEMBERED) {
                filled.clear();
            }
            filled.add(position);
            return false;
        }
        if (!seen(position, lookup.horizon(), now).settled(lookup.horizon(), now, gapTimeout)) {
            return false;
        }
        gapsSeen.remove(position);
        holes.add(position);
        return true;
    }

    private Seen seen(long position, Horizon horizon, Instant now) {
        if (gapsSeen.size() >= MAX_REMEMBERED) {
            gapsSeen.clear();
        }
        return gapsSeen.computeIfAbsent(position, missing -> new Seen(now, horizon.next()));
    }
}
