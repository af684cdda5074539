package org.debtledger.query.access;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes access-log entries in groups. A read still waits until its entries are committed, but the reads that arrive
 * together share one transaction, and so one flush of the write-ahead log, instead of a commit each.
 * <p>
 * No thread of its own writes: a read that finds no group being written writes one itself, of every answer's entries
 * waiting (its own among them), up to {@value #MAX_GROUP} answers. Reads that arrive meanwhile wait for that group to
 * end; then one of those not in it writes the next. A read on its own so goes from its query to its insert and commit
 * without waiting for another thread to be given a processor, which on a busy machine is what a hand-over costs.
 */
final class AccessLogWrites implements AutoCloseable {

    private static final int MAX_GROUP = 256;
    private static final String INSERT = "INSERT INTO ledger_private.access_log (accessed_at, actor_id, actor_roles,"
            + " debtor_id, debt_id, resource, channel, reason, correlation_id)"
            + " VALUES (clock_timestamp(), ?, ?, ?, ?, ?, ?, ?, ?)";

    /** An answer's entries, each its values in the order of the insert's parameters, and how their write ended. */
    private static final class Waiting {

        private final List<Object[]> entries;
        /** Guarded by the lock, as is the failure. */
        private boolean ended;
        private RuntimeException failure;

        private Waiting(List<Object[]> entries) {
            this.entries = entries;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final long waitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition groupEnded = lock.newCondition();
    /** Guarded by the lock, as are the two below. */
    private final Queue<Waiting> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;

    /**
     * The reads waiting for a group give up after {@code waitMillis}; the read writing it, a second after them at
     * the latest, when its statements time out.
     */
    AccessLogWrites(JdbcTemplate jdbc, TransactionTemplate transactions, long waitMillis) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()),
                transactions);
        this.transactions.setTimeout((int) TimeUnit.MILLISECONDS.toSeconds(waitMillis) + 1);
        this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
    }

    /**
     * Writes the entries of one answer, each its values in the order of the insert's parameters, in one transaction,
     * and returns once they are committed; throws when they were not within the wait.
     */
    void write(List<Object[]> entries) {
        Waiting waiting = new Waiting(entries);
        long deadline = System.nanoTime() + waitNanos;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the access log is closed");
            }
            queue.add(waiting);
            while (!waiting.ended) {
                if (!writing) {
                    writeGroup();
                } else {
                    awaitGroupEnd(waiting, deadline);
                }
            }
        } finally {
            lock.unlock();
        }
        if (waiting.failure != null) {
            throw waiting.failure;
        }
    }

    /**
     * Waits for the group being written to end. Past the deadline, or interrupted, the read is refused: its entries
     * are taken out if still waiting, and are committed anyway if in that group. Called holding the lock.
     */
    private void awaitGroupEnd(Waiting waiting, long deadline) {
        long left = deadline - System.nanoTime();
        try {
            if (left > 0) {
                groupEnded.awaitNanos(left);
                return;
            }
        } catch (InterruptedException e) {
            queue.remove(waiting);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the access log was written", e);
        }
        queue.remove(waiting);
        throw new IllegalStateException("the access log was not written within "
                + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms");
    }

    /** Takes the answers waiting and writes them in one transaction, without the lock meanwhile. Called holding it. */
    private void writeGroup() {
        writing = true;
        List<Waiting> group = new ArrayList<>(Math.min(queue.size(), MAX_GROUP));
        while (!queue.isEmpty() && group.size() < MAX_GROUP) {
            group.add(queue.remove());
        }
        RuntimeException failure = new IllegalStateException("the access log could not be written");
        lock.unlock();
        try {
            transactions.executeWithoutResult(status -> jdbc.batchUpdate(INSERT,
                    group.stream().flatMap(waiting -> waiting.entries.stream()).toList()));
            failure = null;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            lock.lock();
            for (Waiting written : group) {
                written.ended = true;
                written.failure = failure;
            }
            writing = false;
            groupEnded.signalAll();
        }
    }

    /** Takes no more entries; those still waiting fail, and so do their reads. A group being written ends as it will. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            IllegalStateException refused = new IllegalStateException("the access log is closed");
            for (Waiting waiting : queue) {
                waiting.ended = true;
                waiting.failure = refused;
            }
            queue.clear();
            groupEnded.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
