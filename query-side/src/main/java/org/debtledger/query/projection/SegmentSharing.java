package org.debtledger.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Shares the processors' segments among the query processes alive. A pooled processor claims every segment
 * nobody holds, so the first process to start would keep them all; each process therefore says it is alive
 * every two seconds and, holding more than its fair share (segments / processes alive) while another one alive
 * holds less, releases one segment for it to claim. A process that dies stops saying so, its claims time out, and the others take its
 * segments: the work goes on with whoever is left.
 *
 * <p>A rebuild needs all of a model's segments in the process filling it ({@link ProjectionRebuilds}). Seeing one
 * recorded by another process alive, this one lets its segments of the model go and claims none until the rebuild is
 * over, or its process is no longer seen alive; meanwhile it answers queries from the active version, whose
 * position stays where the model stopped.
 */
@Component
public class SegmentSharing {

    private static final Logger log = LoggerFactory.getLogger(SegmentSharing.class);
    /** Axon's own name for this process as a token owner. */
    public static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    /**
     * How long a segment let go for a rebuild elsewhere is not claimed again: beyond the next look (every two
     * seconds), so that the processor never claims one while the rebuild runs.
     */
    private static final long GIVE_WAY_SECONDS = 10;

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    /** The groups whose segments this process has let go for a rebuild elsewhere; touched by the scheduler only. */
    private final Set<String> givingWay = new HashSet<>();

    SegmentSharing(JdbcClient jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    @Scheduled(fixedDelay = 2000, initialDelay = 2000)
    void share() {
        jdbc.sql("INSERT INTO ledger_read.query_node (node, seen_at) VALUES (:node, clock_timestamp())"
                + " ON CONFLICT (node) DO UPDATE SET seen_at = excluded.seen_at").param("node", NODE).update();
        jdbc.sql("DELETE FROM ledger_read.query_node WHERE seen_at < clock_timestamp() - interval '1 minute'").update();
        long alive = jdbc.sql("SELECT count(*) FROM ledger_read.query_node WHERE seen_at > clock_timestamp() - interval '10 seconds'")
                .query(Long.class).single();
        Set<String> rebuiltElsewhere = new HashSet<>(jdbc.sql("""
                        SELECT r.projection FROM ledger_read.projection_rebuild r
                        JOIN ledger_read.query_node n ON n.node = r.node
                        WHERE r.status = 'RUNNING' AND r.node <> :node
                          AND n.seen_at > clock_timestamp() - interval '10 seconds'""")
                .param("node", NODE).query(String.class).list());
        for (String group : ProcessingGroups.ALL) {
            processing.eventProcessor(group, StreamingEventProcessor.class)
                    .filter(StreamingEventProcessor::isRunning)
                    .ifPresent(processor -> {
                        if (rebuiltElsewhere.contains(group)) {
                            giveWay(group, processor);
                        } else if (givingWay.remove(group)) {
                            takeBack(group, processor);
                        } else {
                            releaseBeyondFairShare(group, processor, alive);
                        }
                    });
        }
    }

    /**
     * Lets every segment of the group go, and keeps the processor from claiming one for longer than until the next
     * look: each look while the rebuild runs renews it.
     */
    private void giveWay(String group, StreamingEventProcessor processor) {
        if (givingWay.add(group)) {
            log.info("{} is being rebuilt by another query process: letting its segments go until it is over", group);
        }
        for (int segment : segments(group)) {
            processor.releaseSegment(segment, GIVE_WAY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Claims the group's segments again at once, rather than once the last release runs out. */
    private void takeBack(String group, StreamingEventProcessor processor) {
        log.info("the rebuild of {} by another query process is over: claiming its segments again", group);
        for (int segment : segments(group)) {
            // a segment the rebuilding process has claimed meanwhile stays its own until sharing moves it
            processor.claimSegment(segment);
        }
    }

    private List<Integer> segments(String group) {
        return jdbc.sql("SELECT segment FROM tokenentry WHERE processorname = :group")
                .param("group", group).query(Integer.class).list();
    }

    private void releaseBeyondFairShare(String group, StreamingEventProcessor processor, long alive) {
        long segments = jdbc.sql("SELECT count(*) FROM tokenentry WHERE processorname = :group")
                .param("group", group).query(Long.class).single();
        long fairShare = (segments + Math.max(alive, 1) - 1) / Math.max(alive, 1);
        Map<Integer, ?> claimed = processor.processingStatus();
        // someone alive holds less than its share: those alive but holding nothing, or holding fewer
        long holdingEnough = jdbc.sql("SELECT count(*) FROM (SELECT t.owner FROM tokenentry t"
                        + " JOIN ledger_read.query_node n ON n.node = t.owner"
                        + " WHERE t.processorname = :group AND n.seen_at > clock_timestamp() - interval '10 seconds'"
                        + " GROUP BY t.owner HAVING count(*) >= :share) enough")
                .param("group", group).param("share", fairShare).query(Long.class).single();
        if (claimed.size() > fairShare && holdingEnough < alive) {
            int segment = claimed.keySet().iterator().next();
            log.info("{} holds {} of {} segments of {} with {} processes alive: releasing segment {}", NODE,
                    claimed.size(), segments, group, alive, segment);
            processor.releaseSegment(segment, 10, TimeUnit.SECONDS);
        }
    }
}
