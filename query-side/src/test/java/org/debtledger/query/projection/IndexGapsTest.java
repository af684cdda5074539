package org.debtledger.query.projection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps in the global index on PostgreSQL, with transactions held open and rolled back on connections of their own,
 * and a clock the test moves: a gap is a hole once every transaction that had begun when it was first seen has ended,
 * and not while the one that took the position may still commit it.
 */
class IndexGapsTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(10);

    private static EmbeddedPostgres postgres;
    private static DataSource database;
    private static StoredEvents events;

    private Instant now = Instant.parse("2026-12-06T12:00:00Z");
    private final IndexGaps gaps = new IndexGaps(events, GAP_TIMEOUT, new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    });

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        database = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(database).locations("classpath:db/eventstore").load().migrate();
        events = new StoredEvents(new JdbcTemplate(database));
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void aPositionWhoseTransactionRolledBackIsAHoleASecondAfterItWasSeenThoughLaterTransactionsGoOn()
            throws SQLException {
        try (Connection aborted = transaction(); Connection later = transaction()) {
            long hole = gapHeldBy(aborted);
            aborted.rollback();
            assertThat(gaps.isHole(hole)).as("first seen").isFalse();

            append(later); // a transaction begun after the gap was seen, still in flight
            now = now.plus(IndexGaps.SETTLE);

            assertThat(gaps.isHole(hole)).isTrue();
            later.rollback();
        }
    }

    @Test
    void aPositionWhoseTransactionIsStillOpenIsNoHoleUntilTheGapTimeout() throws SQLException {
        try (Connection open = transaction()) {
            long gap = gapHeldBy(open);
            assertThat(gaps.isHole(gap)).as("first seen").isFalse();

            now = now.plus(IndexGaps.SETTLE);
            assertThat(gaps.isHole(gap)).as("its transaction may still commit").isFalse();
            now = now.plus(GAP_TIMEOUT);
            assertThat(gaps.isHole(gap)).as("no command transaction lasts as long as the gap timeout").isTrue();
            open.rollback();
        }
    }

    @Test
    void aGapFilledByALateCommitIsNoHole() throws SQLException {
        try (Connection slow = transaction()) {
            long gap = gapHeldBy(slow);
            assertThat(gaps.isHole(gap)).isFalse();
            slow.commit();

            now = now.plus(IndexGaps.SETTLE);
            assertThat(gaps.isHole(gap)).isFalse();
            // a token lists the gap until it is next stored: the database is not asked about it again (the row
            // taken away here would otherwise make it a hole at the second look)
            try (Connection connection = database.getConnection()) {
                connection.createStatement().execute("DELETE FROM domainevententry WHERE globalindex = " + gap);
            }
            assertThat(gaps.isHole(gap)).isFalse();
            now = now.plus(GAP_TIMEOUT);
            assertThat(gaps.isHole(gap)).as("known filled").isFalse();
        }
    }

    @Test
    void theStreamPassesARolledBackGapAsItsSnapshotSeesTheTransactionsNotBefore() throws SQLException {
        try (Connection aborted = transaction(); Connection open = transaction()) {
            append(open); // a transaction in flight when the gap is first seen
            long hole = gapHeldBy(aborted);
            aborted.rollback();
            assertThat(gaps.settled(hole, hole, events.horizon(), now)).as("first seen").isFalse();

            now = now.plus(IndexGaps.SETTLE);
            // the open transaction might be the one that took the position: the gap waits while it is in flight
            assertThat(gaps.settled(hole, hole, events.horizon(), now)).isFalse();
            open.commit();
            assertThat(gaps.settled(hole, hole, events.horizon(), now)).isTrue();
        }
    }

    private static Connection transaction() throws SQLException {
        Connection connection = database.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    /**
     * Appends an event in the transaction, then one committed after it: the transaction's position is a gap, as a
     * reader sees it.
     */
    private static long gapHeldBy(Connection transaction) throws SQLException {
        long gap = append(transaction);
        try (Connection committed = database.getConnection()) {
            append(committed);
        }
        return gap;
    }

    /** Appends an event on the connection, in its transaction if it has one, and answers its position. */
    private static long append(Connection connection) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload,
                    metadata, payloadtype, timestamp)
                VALUES (?, 0, 'Debt', ?, '{}'::bytea, '{}'::bytea, 'org.debtledger.debt.DebtRegistered', ?)
                RETURNING globalindex""")) {
            insert.setString(1, "debt-" + id);
            insert.setString(2, id);
            insert.setString(3, Instant.now().toString());
            try (ResultSet position = insert.executeQuery()) {
                position.next();
                return position.getLong(1);
            }
        }
    }
}
