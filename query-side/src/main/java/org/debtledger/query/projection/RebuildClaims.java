package org.debtledger.query.projection;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The processors' segments as a rebuild holds them: claimed in the token store for this process while their
 * processors are stopped, so that no process applies an event to a model being filled, and let go after.
 */
@Component
class RebuildClaims {

    private final TokenStore tokens;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    /** How long a rebuild waits for other query processes to let the segments go. */
    private final Duration wait;

    RebuildClaims(TokenStore tokens, TransactionTemplate transaction, JdbcClient jdbc,
                  @Value("${ledger.rebuild.claim-wait:30s}") Duration wait) {
        this.tokens = tokens;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.wait = wait;
    }

    /**
     * Claims every segment of the models' processors, all or none, asking again while other query processes let
     * theirs go: they do within seconds of seeing the rebuild recorded ({@link SegmentSharing}).
     *
     * @throws ProjectionRebuilds.CannotRebuild when a segment is still held by another process after the wait, naming
     *                                          it and its holder
     */
    void claimAll(List<String> projections) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                transaction.executeWithoutResult(tx -> projections.forEach(this::claimSegments));
                return;
            } catch (UnableToClaimTokenException e) {
                if (System.nanoTime() > deadline) {
                    throw new ProjectionRebuilds.CannotRebuild(projections, "after " + wait.toSeconds()
                            + " s " + heldByOthers(projections));
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProjectionRebuilds.CannotRebuild(projections, "this query process is stopping");
            }
        }
    }

    private void claimSegments(String projection) {
        int[] segments = tokens.fetchSegments(projection);
        if (segments.length == 0) {
            throw new ProjectionRebuilds.CannotRebuild(List.of(projection), "its processor has not started yet");
        }
        for (int segment : segments) {
            tokens.fetchToken(projection, segment);
        }
    }

    private String heldByOthers(List<String> projections) {
        String held = jdbc.sql("SELECT processorname, segment, owner FROM tokenentry WHERE processorname IN (:projections)"
                        + " AND owner IS NOT NULL AND owner <> :node ORDER BY processorname, segment")
                .param("projections", projections).param("node", SegmentSharing.NODE)
                .query((row, n) -> "segment " + row.getInt(2) + " of " + row.getString(1) + " is held by "
                        + row.getString(3))
                .list().stream().collect(Collectors.joining(", "));
        return held.isEmpty() ? "a segment was held by another query process" : held;
    }

    /** Keeps the claims from timing out while the rebuild goes on. */
    void extend(List<String> projections) {
        forEachSegment(projections, tokens::extendClaim);
    }

    /** Lets the segments go, for the processors to claim again. */
    void release(List<String> projections) {
        forEachSegment(projections, tokens::releaseClaim);
    }

    private void forEachSegment(List<String> projections, BiConsumer<String, Integer> action) {
        transaction.executeWithoutResult(tx -> projections.forEach(projection -> {
            for (int segment : tokens.fetchSegments(projection)) {
                action.accept(projection, segment);
            }
        }));
    }
}
