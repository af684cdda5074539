package org.debtledger.command.api;

import java.sql.SQLException;

/**
 * Describes a failure for the log without its messages, which may quote a debtor's data (the database's own
 * messages quote the rows they refused): the chain of exception types, SQL states, and where it was thrown.
 */
public final class Failures {

    private static final int FRAMES = 8;

    private Failures() {
    }

    public static String describe(Throwable failure) {
        StringBuilder description = new StringBuilder();
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (!description.isEmpty()) {
                description.append(" <- ");
            }
            description.append(cause.getClass().getName());
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                description.append(" (SQL state ").append(sql.getSQLState()).append(')');
            }
            root = cause;
            if (cause.getCause() == cause) {
                break;
            }
        }
        StackTraceElement[] frames = root.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
            description.append("\n\tat ").append(frames[i]);
        }
        return description.toString();
    }
}
