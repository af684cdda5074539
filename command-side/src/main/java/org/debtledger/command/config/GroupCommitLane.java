package org.debtledger.command.config;

import io.micrometer.core.instrument.DistributionSummary;
import org.axonframework.commandhandling.CommandBus;
import org.debtledger.command.store.EventTableQueries;
import org.debtledger.eventstore.GroupedStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lane of the {@link GroupCommit}: its thread takes the commands waiting for it and commits them in groups, each
 * group one transaction, one read ahead of its debts and one insert of its events; a caller whose command finds the
 * lane idle decides it in its own thread instead. Either holds the lane while it decides, so a debt's commands are
 * decided one after another.
 */
final class GroupCommitLane {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitLane.class);

    final BlockingQueue<Waiting<?, ?>> queue = new LinkedBlockingQueue<>();
    /** Commands dispatched to the lane and not yet answered: the caller of the first decides it itself. */
    final AtomicInteger pending = new AtomicInteger();
    /** Held by whoever decides the lane's commands: its thread, or a caller deciding its own. */
    private final ReentrantLock deciding = new ReentrantLock();
    private final CommandBus local;
    private final PlatformTransactionManager transactionManager;
    private final TransactionTemplate transactions;
    private final EventTableQueries events;
    private final GroupedStorageEngine storage;
    private final AggregateCache cache;
    private final int maxGroup;
    private final long windowNanos;
    private final DistributionSummary groupSizes;
    Thread thread;

    GroupCommitLane(CommandBus local, PlatformTransactionManager transactions, EventTableQueries events,
                    GroupedStorageEngine storage, AggregateCache cache, int maxGroup, long windowNanos,
                    DistributionSummary groupSizes) {
        this.local = local;
        this.transactionManager = transactions;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.storage = storage;
        this.cache = cache;
        this.maxGroup = maxGroup;
        this.windowNanos = windowNanos;
        this.groupSizes = groupSizes;
    }

    /**
     * The lane was idle: the caller decides its command in its own thread, with no hand-over to the lane's
     * thread and back. Commands that come meanwhile wait in the queue, and the lane takes them after.
     */
    void decideHere(Waiting<?, ?> waiting) {
        List<Waiting<?, ?>> one = List.of(waiting);
        deciding.lock();
        try {
            commitOrFail(one);
        } finally {
            deciding.unlock();
            pending.decrementAndGet();
        }
    }

    /** The lane's thread: takes what waits, up to a group, and commits it, until it takes the stop. */
    void run() {
        List<Waiting<?, ?>> group = new ArrayList<>(maxGroup);
        try {
            while (true) {
                group.add(queue.take());
                queue.drainTo(group, maxGroup - group.size());
                long deadline = System.nanoTime() + windowNanos;
                while (windowNanos > 0 && group.size() < maxGroup && !group.contains(Waiting.STOP)) {
                    Waiting<?, ?> next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    group.add(next);
                    queue.drainTo(group, maxGroup - group.size());
                }
                deciding.lockInterruptibly();
                try {
                    // those that came while a caller decided its own command join the group
                    queue.drainTo(group, maxGroup - group.size());
                    boolean stop = group.remove(Waiting.STOP);
                    commitOrFail(group);
                    pending.addAndGet(-group.size());
                    if (stop) {
                        return;
                    }
                } finally {
                    deciding.unlock();
                }
                group.clear();
            }
        } catch (InterruptedException e) {
            group.forEach(waiting -> waiting.answer(GroupCommit.SHUTTING_DOWN.get()));
        }
    }

    /** Commits the group; a failure no command's own explains fails them all, and the lane goes on. */
    private void commitOrFail(List<Waiting<?, ?>> group) {
        try {
            if (!group.isEmpty()) {
                commit(group);
            }
        } catch (RuntimeException | Error unexpected) {
            // a command answered already is not answered again
            log.error("a lane failed to commit a group of {} commands", group.size(), unexpected);
            RuntimeException failure = new IllegalStateException("the command's group failed", unexpected);
            forgetCached(group);
            group.forEach(waiting -> waiting.answer(failure));
        }
    }

    /**
     * Commits the group in one transaction unless a command in it failed in the database, which may leave the
     * transaction unusable; then each command is committed alone. A commit that fails may still have been made
     * by the database: whether the group's events are stored decides what each caller is told.
     */
    private void commit(List<Waiting<?, ?>> group) {
        if (group.size() == 1) {
            alone(group.get(0));
            return;
        }
        TransactionStatus transaction;
        try {
            transaction = transactionManager.getTransaction(TransactionDefinition.withDefaults());
        } catch (RuntimeException unavailable) {
            // the database out of reach, as each command would find it alone: a line each group, no trace
            log.warn("a group of {} commands could not begin: {}", group.size(), unavailable.toString());
            group.forEach(waiting -> waiting.answer(unavailable));
            return;
        }
        boolean decided;
        storage.hold();
        try {
            List<String> debts = freshen(group);
            storage.readAhead(debts.stream().filter(debt -> !cache.containsKey(debt)).toList());
            for (Waiting<?, ?> waiting : group) {
                // a debt's next command reads what its last one appended
                if (storage.holds(waiting.aggregate)) {
                    storage.flush();
                }
                waiting.decide(local);
            }
            decided = group.stream().noneMatch(Waiting::failedInTheDatabase);
            if (decided) {
                storage.flush();
                Waiting.land(group, events);
            }
        } catch (RuntimeException failure) {
            log.warn("a group of {} commands failed, so each is run alone: {}", group.size(), failure.toString());
            decided = false;
        } finally {
            storage.release();
        }
        if (!decided) {
            rollBack(transaction);
            forget(group);
            group.forEach(this::alone);
            return;
        }
        try {
            transactionManager.commit(transaction);
        } catch (RuntimeException commitFailed) {
            settle(group, commitFailed);
            return;
        }
        committed(group);
    }

    /**
     * The group's commit failed, perhaps after the database had made it (a connection lost as the commit was
     * answered). Its events stored: every command was committed. None stored: each is committed alone.
     * Not known (the database out of reach): every accepted command fails, as its outcome is not known.
     */
    private void settle(List<Waiting<?, ?>> group, RuntimeException commitFailed) {
        List<Long> appended = group.stream().map(Waiting::result)
                .filter(result -> result instanceof Landed landed && landed.appended())
                .map(result -> ((Landed) result).position()).toList();
        long stored = -1;
        try {
            stored = appended.isEmpty() ? 0 : events.storedAt(appended);
        } catch (RuntimeException unknown) {
            log.warn("whether a group of {} commands was committed is not known: {}", group.size(),
                    unknown.toString());
        }
        if (!appended.isEmpty() && stored == appended.size()) {
            committed(group);
        } else if (stored == 0) {
            log.warn("a group of {} commands was not committed, so each is run alone: {}", group.size(),
                    commitFailed.toString());
            forget(group);
            group.forEach(this::alone);
        } else {
            forgetCached(group);
            group.forEach(waiting -> waiting.answer(commitFailed));
        }
    }

    private void rollBack(TransactionStatus transaction) {
        try {
            transactionManager.rollback(transaction);
        } catch (RuntimeException failure) {
            log.warn("a group's transaction could not be rolled back: {}", failure.toString());
        }
    }

    /** Commits one command in a transaction of its own; one that failed is rolled back and answered its failure. */
    private void alone(Waiting<?, ?> waiting) {
        List<Waiting<?, ?>> one = List.of(waiting);
        boolean kept;
        try {
            kept = Boolean.TRUE.equals(transactions.execute(status -> {
                freshen(one);
                waiting.decide(local);
                if (!waiting.accepted()) {
                    status.setRollbackOnly();
                    return false;
                }
                Waiting.land(one, events);
                return true;
            }));
        } catch (RuntimeException failure) {
            cache.remove(waiting.aggregate);
            waiting.answer(failure);
            return;
        }
        if (kept) {
            committed(one);
        } else {
            cache.remove(waiting.aggregate);
            waiting.answer(null);
        }
    }

    /** Counts the group, tells the cache where its debts stand now, and answers each command. */
    private void committed(List<Waiting<?, ?>> group) {
        groupSizes.record(group.size());
        for (Waiting<?, ?> waiting : group) {
            // a command that appended nothing is answered with the debt's last event, which another process
            // may have appended after this one read the debt: its standing is not known, so it is read again
            if (waiting.result() instanceof Landed landed && landed.appended()) {
                cache.stands(waiting.aggregate, landed.sequenceNumber());
            }
            waiting.answer(null);
        }
    }

    /** Rolled back: the cache may hold what the group decided, and each command is yet to be decided again. */
    private void forget(List<Waiting<?, ?>> group) {
        forgetCached(group);
        group.forEach(Waiting::forget);
    }

    private void forgetCached(List<Waiting<?, ?>> group) {
        group.forEach(waiting -> cache.remove(waiting.aggregate));
    }

    /**
     * Takes out of the cache the group's debts another command process changed, in one statement for the group;
     * answers the group's debts, each once.
     */
    private List<String> freshen(List<Waiting<?, ?>> group) {
        List<String> debts = group.stream().map(waiting -> waiting.aggregate).distinct().toList();
        cache.keepFresh(debts, events::lastSequences);
        return debts;
    }
}
