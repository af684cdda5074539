package org.debtledger.edge;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure is the database being out of reach (down, restarting, no connection within the pool's
 * timeout) rather than anything about the request: such a request is answered 503, to be tried again.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") // connection exception
                    || sql.getSQLState().equals("57P01") // terminated by an administrator (server shutting down)
                    || sql.getSQLState().equals("57P02") // crash shutdown
                    || sql.getSQLState().equals("57P03"))) { // cannot connect now (starting up)
                return true;
            }
            if (cause instanceof SQLException closed && "Connection is closed".equals(closed.getMessage())) {
                return true; // the pool's word for a connection the database dropped in the middle of the work
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
