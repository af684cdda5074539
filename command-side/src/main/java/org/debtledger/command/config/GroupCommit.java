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
import org.debtledger.eventstore.GroupedStorageEngine;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Group commit: commands that arrive together share one database transaction, and so one flush of the write-ahead
 * log, instead of a commit each. Each command is decided in a unit of work of its own that joins the shared
 * transaction; the debts the group loads are read ahead together, and its events inserted together, in one batch
 * ({@link GroupedStorageEngine}). A command refused by a rule fails in the ledger's own code and leaves the
 * transaction as it was; one that failed on a statement to the database (a conflict on the unique key, a lost
 * connection) may have left it unusable, so then the whole group is rolled back and each of its commands is committed
 * alone, in a transaction of its own. A group whose commit fails is looked up: stored, it was committed; not stored,
 * each command is committed alone; not known, every command fails. Every caller is answered after the commit that
 * holds its command: a command is acknowledged only once it is durable. An accepted command's answer is where it
 * {@link Landed}, found for the whole group in one statement before the commit.
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

    static final Supplier<RuntimeException> SHUTTING_DOWN =
            () -> new IllegalStateException("the ledger is shutting down; the command was not run");

    private final CommandBus local;
    private final RoutingStrategy routing = AnnotationRoutingStrategy.defaultStrategy();
    private final long windowNanos;
    private final MessageMonitor<? super CommandMessage<?>> monitor;
    private final List<GroupCommitLane> lanes = new ArrayList<>();
    private final Bus bus = new Bus(true);
    private final Bus queuedBus = new Bus(false);
    private volatile boolean closed;

    /**
     * Decides commands on {@code local} (a bus whose units of work join the thread's transaction) in groups
     * committed by {@code transactions}; {@code monitor} is told how each command ended, as its caller is.
     */
    public GroupCommit(CommandBus local, PlatformTransactionManager transactions, EventTableQueries events,
                       GroupedStorageEngine storage, AggregateCache cache, int laneCount, int maxGroup, Duration window,
                       MeterRegistry metrics, MessageMonitor<? super CommandMessage<?>> monitor) {
        if (laneCount < 1 || maxGroup < 1 || window.isNegative()) {
            throw new IllegalStateException("ledger.group-commit needs lanes and max-group of at least 1 and a window"
                    + " of zero or more, not " + laneCount + ", " + maxGroup + " and " + window);
        }
        this.local = local;
        this.windowNanos = window.toNanos();
        this.monitor = monitor;
        DistributionSummary groupSizes = DistributionSummary.builder("ledger.commands.group")
                .description("Commands committed together in one database transaction")
                .baseUnit("commands").register(metrics);
        for (int i = 1; i <= laneCount; i++) {
            GroupCommitLane lane = new GroupCommitLane(local, transactions, events, storage, cache, maxGroup,
                    windowNanos, groupSizes);
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
            GroupCommitLane lane = lanes.get(Math.floorMod(waiting.aggregate.hashCode(), lanes.size()));
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
        for (GroupCommitLane lane : lanes) {
            lane.queue.add(Waiting.STOP);
        }
        for (GroupCommitLane lane : lanes) {
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
}
