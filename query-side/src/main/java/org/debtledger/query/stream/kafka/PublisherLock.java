package org.debtledger.query.stream.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The right to publish under one transactional id, across every process on the database: a PostgreSQL session-level
 * advisory lock held on a connection of its own. PostgreSQL lets it go when that connection or its process dies, so
 * another process can take over. The session is named {@code kafka-publisher:<id>} in {@code pg_stat_activity},
 * where an operator sees which process publishes.
 */
final class PublisherLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PublisherLock.class);

    private static final String NAME_SESSION = "SELECT set_config('application_name', ?, false) IS NOT NULL";

    private final Connection connection;
    private final String name;

    private PublisherLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** The lock, or null while another session holds it. */
    static PublisherLock tryTake(DataSource database, String transactionalId) throws SQLException {
        String name = "kafka-publisher:" + transactionalId;
        Connection connection = database.getConnection();
        try {
            if (!ask(connection, "SELECT pg_try_advisory_lock(hashtextextended(?, 0))", name)) {
                connection.close();
                return null;
            }
            ask(connection, NAME_SESSION, name);
            return new PublisherLock(connection, name);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Whether the lock is still this process's: false once its connection is gone. */
    boolean held() {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean ask(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        try (connection) {
            if (held()) {
                ask(connection, "SELECT pg_advisory_unlock(hashtextextended(?, 0))", name);
                ask(connection, NAME_SESSION, ""); // the connection goes back to the pool
            }
        } catch (SQLException e) {
            // the connection is gone, and the lock with it
            log.debug("the publisher lock's connection closed with {}", e.toString());
        }
    }
}
