package org.debtledger.query.projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The events the read models' processors could not apply, as Axon's dead-letter queues hold them. */
@Component
public class DeadLetters {

    /**
     * How many of a debt's events wait in a group's dead-letter queue: an expression for a query that binds
     * {@code :group} and {@code :id}, so that it is read in the same statement as the debt's view.
     */
    public static final String COUNT_OF_DEBT = "(SELECT count(*) FROM deadletterentry WHERE processinggroup = :group"
            + " AND sequenceidentifier = :id)";

    private final JdbcClient jdbc;

    DeadLetters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A dead letter: the event a projection failed on, why, and the debt whose later events wait behind it. */
    public record Letter(String id, String processingGroup, String debtId, long sequenceIndex, String eventType,
                         String eventId, Instant enqueuedAt, Instant lastTouched, String causeType,
                         String causeMessage) {
    }

    public List<Letter> all() {
        return jdbc.sql("""
                        SELECT deadletteridentifier, processinggroup, sequenceidentifier, sequenceindex, payloadtype,
                               eventidentifier, enqueuedat, lasttouched, causetype, causemessage
                        FROM deadletterentry ORDER BY processinggroup, sequenceidentifier, sequenceindex""")
                .query((row, n) -> new Letter(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                        row.getString(5), row.getString(6), Instant.parse(row.getString(7)),
                        row.getString(8) == null ? null : Instant.parse(row.getString(8)), row.getString(9),
                        row.getString(10)))
                .list();
    }

    /** The processing group whose queue holds the letter. */
    public Optional<String> processingGroupOf(String letterId) {
        return jdbc.sql("SELECT processinggroup FROM deadletterentry WHERE deadletteridentifier = :id")
                .param("id", letterId).query(String.class).optional();
    }
}
