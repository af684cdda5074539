package org.debtledger.query.access;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes access-log entries in groups. A read still waits until its entry is committed, but the reads that arrive
 * together share one transaction, and so one flush of the write-ahead log, instead of a commit each. One thread
 * writes: it takes every answer's entries waiting, up to {@value #MAX_GROUP} answers, and inserts them in one batch.
 */
final class AccessLogWrites implements AutoCloseable {

    private static final int MAX_GROUP = 256;
    private static final String INSERT = "INSERT INTO ledger_private.access_log (accessed_at, actor_id, actor_roles,"
            + " debtor_id, debt_id, resource, channel, reason, correlation_id)"
            + " VALUES (clock_timestamp(), ?, ?, ?, ?, ?, ?, ?, ?)";

    /** An answer's entries, each its values in the order of the insert's parameters, and the read waiting for them. */
    private record Waiting(List<Object[]> entries, CompletableFuture<Void> committed) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final long waitMillis;

    AccessLogWrites(JdbcTemplate jdbc, TransactionTemplate transactions, long waitMillis) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.waitMillis = waitMillis;
        this.writer = new Thread(this::run, "access-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Writes the entries of one answer, each its values in the order of the insert's parameters, in one transaction,
     * and waits for its commit; throws when they were not committed within the wait.
     */
    void write(List<Object[]> entries) {
        Waiting waiting = new Waiting(entries, new CompletableFuture<>());
        if (!writer.isAlive()) {
            throw new IllegalStateException("the access log is closed");
        }
        queue.add(waiting);
        try {
            waiting.committed().get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the access log was written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("the access log could not be written", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the access log was not written within " + waitMillis + " ms", e);
        }
    }

    private void run() {
        List<Waiting> group = new ArrayList<>(MAX_GROUP);
        try {
            while (true) {
                group.add(queue.take());
                queue.drainTo(group, MAX_GROUP - 1);
                try {
                    transactions.executeWithoutResult(status ->
                            jdbc.batchUpdate(INSERT, group.stream().flatMap(waiting -> waiting.entries().stream()).toList()));
                    group.forEach(waiting -> waiting.committed().complete(null));
                } catch (RuntimeException failure) {
                    group.forEach(waiting -> waiting.committed().completeExceptionally(failure));
                }
                group.clear();
            }
        } catch (InterruptedException stopped) {
            IllegalStateException closed = new IllegalStateException("the access log is closed");
            group.forEach(waiting -> waiting.committed().completeExceptionally(closed));
            queue.forEach(waiting -> waiting.committed().completeExceptionally(closed));
        }
    }

    /** Stops the writer after the group it is writing; the entries still waiting fail, and so do their reads. */
    @Override
    public void close() {
        writer.interrupt();
    }
}
