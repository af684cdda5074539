package org.debtledger.command.config;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.debtledger.command.store.EventTableQueries;
import org.debtledger.debt.DebtCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Group commit: commands that arrive together share one database transaction, and so one flush of the write-ahead
 * log, instead of a commit each. Each command is decided in a unit of work of its own that joins the shared
 * transaction. A command refused by a rule fails in the ledger's own code and leaves the transaction as it was; one
 * that failed on a statement to the database (a conflict on the unique key, a lost connection) may have left it
 * unusable, so then the whole group is rolled back and each of its commands is committed alone, in a transaction of
 * its own. A group whose commit fails is looked up: stored, it was committed; not stored, each command is committed
 * alone; not known, every command fails. Every caller is answered after the commit that holds its command: a command is
 * acknowledged only once it is durable. An accepted command's answer is where it {@link Landed}, found for the whole
 * group in one statement before the commit.
 * <p>
 * Commands are spread over lanes by the aggregate they name, so a debt's commands stay in one lane in the order
 * they came, and no lane decides on events another lane has not committed. Without a window, a command sent through
 * {@link #bus()} that finds its lane idle is decided by its caller, in the caller's thread, alone (unless the caller
 * is in a transaction of its own). Otherwise it waits, and the lane's thread takes every command waiting, up to
 * {@code maxGroup}; with a {@code window}, it waits that long at most for more before it begins.
 * <p>
 * The debts the lane decided lately are kept in the {@link AggregateCache}, each with the sequence number it stood
 * at when last committed. Before a group is decided, one statement reads where the store holds the group's cached
 * debts, and a debt another command process has changed since is read again. Optimistic concurrency still decides
 * every append: the unique (debt, sequence) key refuses one made on a stale state.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    static final Supplier<RuntimeException> SHUTTING_DOWN =
            () -> new IllegalStateException("the ledger is shutting down; the command was not run");

    private final CommandBus local;
    private final EventTableQueries events;
    private final AggregateCache cache;
    private final PlatformTransactionManager transactionManager;
    private final TransactionTemplate transactions;
    private final RoutingStrategy routing = AnnotationRoutingStrategy.defaultStrategy();
    private final int maxGroup;
    private final long windowNanos;
    private final DistributionSummary groupSizes;
    private final MessageMonitor<? super CommandMessage<?>> monitor;
    private final List<Lane> lanes = new ArrayList<>();
    private final Bus bus = new Bus(true);
    private final Bus queuedBus = new Bus(false);
    private volatile boolean closed;

    /**
     * Decides commands on {@code local} (a bus whose units of work join the thread's transaction) in groups
     * committed by {@code transactions}; {@code monitor} is told how each command ended, as its caller is.
     */
    public GroupCommit(CommandBus local, PlatformTransactionManager transactions, EventTableQueries events,
                       AggregateCache cache, int laneCount, int maxGroup, Duration window, MeterRegistry metrics,
                       MessageMonitor<? super CommandMessage<?>> monitor) {
        if (laneCount < 1 || maxGroup < 1 || window.isNegative()) {
            throw new IllegalStateException("ledger.group-commit needs lanes and max-group of at least 1 and a window"
                    + " of zero or more, not " + laneCount + ", " + maxGroup + " and " + window);
        }
        this.local = local;
        this.events = events;
        this.cache = cache;
        this.transactionManager = transactions;
        this.transactions = new TransactionTemplate(transactions);
        this.maxGroup = maxGroup;
        this.windowNanos = window.toNanos();
        this.monitor = monitor;
        this.groupSizes = DistributionSummary.builder("ledger.commands.group")
                .description("Commands committed together in one database transaction")
                .baseUnit("commands").register(metrics);
        for (int i = 1; i <= laneCount; i++) {
            Lane lane = new Lane();
            lanes.add(lane);
            Thread thread = new Thread(lane::run, "group-commit-" + i);
            thread.setDaemon(true);
            lane.thread = thread;
            thread.start();
        }
    }

    /**
     * The bus for callers that wait for each command's answer: it dispatches each command to its lane, and one that
     * finds its lane idle is decided at once in the caller's thread.
     */
    public CommandBus bus() {
        return bus;
    }

    /**
     * The bus for a caller that sends many commands at once and then waits for them all: each command waits for its
     * lane, so that the commands fill groups instead of being decided one by one as they are sent.
     */
    public CommandBus queuedBus() {
        return queuedBus;
    }

    private final class Bus implements CommandBus {

        /** Whether a command that finds its lane idle is decided in the caller's thread. */
        private final boolean decidesIdle;

        Bus(boolean decidesIdle) {
            this.decidesIdle = decidesIdle;
        }

        @Override
        public <C> void dispatch(CommandMessage<C> command) {
            dispatch(command, (message, result) -> {
            });
        }

        @Override
        public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
            Waiting<C, R> waiting = new Waiting<>(command, aggregateOf(command), callback,
                    monitor.onMessageIngested(command));
            Lane lane = lanes.get(Math.floorMod(waiting.aggregate.hashCode(), lanes.size()));
            if (lane.pending.getAndIncrement() == 0 && decidesIdle && windowNanos == 0 && !closed
                    && outsideAnyTransaction()) {
                lane.decideHere(waiting);
                return;
            }
            lane.queue.add(waiting);
            // closed meanwhile: whoever takes it from the queue answers it, its lane, close(), or this
            if (closed && lane.queue.remove(waiting)) {
                waiting.answer(SHUTTING_DOWN.get());
            }
        }

        /** A caller in a transaction or unit of work of its own would have the command join it: it is sent on. */
        private static boolean outsideAnyTransaction() {
            return !CurrentUnitOfWork.isStarted() && !TransactionSynchronizationManager.isActualTransactionActive();
        }

        private String aggregateOf(CommandMessage<?> command) {
            return command.getPayload() instanceof DebtCommand debt ? debt.debtId().value()
                    : routing.getRoutingKey(command);
        }

        @Override
        public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
            return local.subscribe(commandName, handler);
        }

        @Override
        public Registration registerHandlerInterceptor(
                MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
            return local.registerHandlerInterceptor(handlerInterceptor);
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
            return local.registerDispatchInterceptor(dispatchInterceptor);
        }
    }

    /**
     * Stops taking commands, lets each lane commit what it holds, and fails what is still waiting after that.
     */
    @Override
    public void close() {
        closed = true;
        for (Lane lane : lanes) {
            lane.queue.add(Waiting.STOP);
        }
        for (Lane lane : lanes) {
            try {
                lane.thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lane.thread.interrupt();
            List<Waiting<?, ?>> left = new ArrayList<>();
            lane.queue.drainTo(left);
            left.stream().filter(waiting -> waiting != Waiting.STOP)
                    .forEach(waiting -> waiting.answer(SHUTTING_DOWN.get()));
        }
    }

    private final class Lane {

        final BlockingQueue<Waiting<?, ?>> queue = new LinkedBlockingQueue<>();
        /** Commands dispatched to the lane and not yet answered: the caller of the first decides it itself. */
        final AtomicInteger pending = new AtomicInteger();
        /** Held by whoever decides the lane's commands: its thread, or a caller deciding its own. */
        private final ReentrantLock deciding = new ReentrantLock();
        Thread thread;

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
                group.forEach(waiting -> waiting.answer(SHUTTING_DOWN.get()));
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
            try {
                freshen(group);
                group.forEach(waiting -> waiting.decide(local));
                decided = group.stream().noneMatch(Waiting::failedInTheDatabase);
                if (decided) {
                    Waiting.land(group, events);
                }
            } catch (RuntimeException failure) {
                log.warn("a group of {} commands failed, so each is run alone: {}", group.size(), failure.toString());
                decided = false;
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
    }

    /** Takes out of the cache the group's debts another command process changed, in one statement for the group. */
    private void freshen(List<Waiting<?, ?>> group) {
        cache.keepFresh(group.stream().map(waiting -> waiting.aggregate).distinct().toList(), events::lastSequences);
    }
}
