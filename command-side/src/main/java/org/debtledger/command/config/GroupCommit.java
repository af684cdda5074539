package org.debtledger.command.config;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.debtledger.command.store.EventTableQueries;
import org.debtledger.debt.DebtCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Group commit: commands that arrive together share one database transaction, and so one flush of the write-ahead
 * log, instead of a commit each. Each command is still decided in a unit of work of its own, in a savepoint of the
 * shared transaction (Axon's units of work nest, see the event store's {@code NestingTransactionManager}), so a
 * refusal or a conflict undoes its own events only. Every caller is answered after the shared commit: a command is
 * acknowledged only once it is durable, and if the commit fails, every command of the group fails with it. An
 * accepted command's answer is where it {@link Landed}, found for the whole group in one statement before the commit.
 * <p>
 * Commands are spread over lanes by the aggregate they name, so a debt's commands stay in one lane in the order
 * they came, and no lane decides on events another lane has not committed. A free lane takes every command waiting
 * for it, up to {@code maxGroup}; with a {@code window}, it waits that long at most for more before it begins.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final Supplier<RuntimeException> SHUTTING_DOWN =
            () -> new IllegalStateException("the ledger is shutting down; the command was not run");

    private final CommandBus local;
    private final EventTableQueries events;
    private final TransactionTemplate transactions;
    private final RoutingStrategy routing = AnnotationRoutingStrategy.defaultStrategy();
    private final int maxGroup;
    private final long windowNanos;
    private final DistributionSummary groupSizes;
    private final List<Lane> lanes = new ArrayList<>();
    private final Bus bus = new Bus();
    private volatile boolean closed;

    /**
     * Decides commands on {@code local} (a bus whose units of work nest in the thread's transaction) in groups
     * committed by {@code transactions}.
     */
    public GroupCommit(CommandBus local, PlatformTransactionManager transactions, EventTableQueries events,
                       int laneCount, int maxGroup, Duration window, MeterRegistry metrics) {
        if (laneCount < 1 || maxGroup < 1 || window.isNegative()) {
            throw new IllegalStateException("ledger.group-commit needs lanes and max-group of at least 1 and a window"
                    + " of zero or more, not " + laneCount + ", " + maxGroup + " and " + window);
        }
        this.local = local;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.maxGroup = maxGroup;
        this.windowNanos = window.toNanos();
        this.groupSizes = DistributionSummary.builder("ledger.commands.group")
                .description("Commands committed together in one database transaction")
                .baseUnit("commands").publishPercentiles(0.5, 0.99).register(metrics);
        for (int i = 1; i <= laneCount; i++) {
            Lane lane = new Lane();
            lanes.add(lane);
            Thread thread = new Thread(lane::run, "group-commit-" + i);
            thread.setDaemon(true);
            lane.thread = thread;
            thread.start();
        }
    }

    /** The bus a command gateway sends through: it dispatches each command to its lane. */
    public CommandBus bus() {
        return bus;
    }

    private final class Bus implements CommandBus {

        @Override
        public <C> void dispatch(CommandMessage<C> command) {
            dispatch(command, (message, result) -> {
            });
        }

        @Override
        public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
            Waiting<C, R> waiting = new Waiting<>(command, aggregateOf(command), callback);
            BlockingQueue<Waiting<?, ?>> queue = lanes.get(Math.floorMod(waiting.aggregate.hashCode(),
                    lanes.size())).queue;
            queue.add(waiting);
            // closed meanwhile: whoever takes it from the queue answers it, its lane, close(), or this
            if (closed && queue.remove(waiting)) {
                waiting.answer(SHUTTING_DOWN.get());
            }
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
        Thread thread;

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
                    boolean stop = group.remove(Waiting.STOP);
                    if (!group.isEmpty()) {
                        commit(group);
                    }
                    group.clear();
                    if (stop) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                group.forEach(waiting -> waiting.answer(SHUTTING_DOWN.get()));
            }
        }

        private void commit(List<Waiting<?, ?>> group) {
            RuntimeException failed = null;
            try {
                transactions.executeWithoutResult(status -> {
                    group.forEach(waiting -> waiting.decide(local));
                    landed(group);
                });
                groupSizes.record(group.size());
            } catch (RuntimeException failure) {
                log.warn("a group of {} commands was not committed: {}", group.size(), failure.toString());
                failed = failure;
            }
            for (Waiting<?, ?> waiting : group) {
                waiting.answer(failed);
            }
        }
    }

    /** Makes each accepted command's result where its aggregate stands, looked up for the whole group at once. */
    private void landed(List<Waiting<?, ?>> group) {
        List<Waiting<?, ?>> accepted = group.stream().filter(Waiting::accepted).toList();
        if (accepted.isEmpty()) {
            return;
        }
        List<EventTableQueries.Position> positions = events.positionsOf(
                accepted.stream().map(waiting -> waiting.aggregate).toList(),
                accepted.stream().map(Waiting::lastSequence).toList());
        if (positions.size() != accepted.size()) {
            throw new IllegalStateException("found where " + positions.size() + " of a group's " + accepted.size()
                    + " accepted commands landed");
        }
        for (int i = 0; i < accepted.size(); i++) {
            accepted.get(i).landed(positions.get(i));
        }
    }

    /** A command waiting for its lane, and then for the commit of its group. */
    private static final class Waiting<C, R> {

        static final Waiting<Object, Object> STOP = new Waiting<>(null, null, null);

        private final CommandMessage<C> command;
        private final String aggregate;
        private final CommandCallback<? super C, ? super R> callback;
        private CommandResultMessage<? extends R> result;

        Waiting(CommandMessage<C> command, String aggregate, CommandCallback<? super C, ? super R> callback) {
            this.command = command;
            this.aggregate = aggregate;
            this.callback = callback;
        }

        boolean accepted() {
            return result != null && !result.isExceptional();
        }

        /** The sequence number of the last event the command appended ({@link AppendedEvents}), or null. */
        Long lastSequence() {
            return (Long) result.getPayload();
        }

        @SuppressWarnings("unchecked")
        void landed(EventTableQueries.Position position) {
            result = (CommandResultMessage<? extends R>) GenericCommandResultMessage.asCommandResultMessage(
                    new Landed(position.sequenceNumber(), position.globalIndex(), lastSequence() != null));
        }

        /** Runs the command in the lane's transaction; its result is kept until the group is committed. */
        void decide(CommandBus local) {
            CommandCallback<C, R> keep = (message, decided) -> result = decided;
            local.dispatch(command, keep);
        }

        /**
         * Answers the caller with its own result; or with {@code failure} (the group's commit failed, or the command
         * never ran) unless it was refused: a refusal stands either way, nothing of it was to be stored.
         */
        void answer(RuntimeException failure) {
            CommandResultMessage<? extends R> answer = result;
            if (answer == null || (failure != null && !answer.isExceptional())) {
                answer = GenericCommandResultMessage.asCommandResultMessage(
                        failure != null ? failure : SHUTTING_DOWN.get());
            }
            callback.onResult(command, answer);
        }
    }
}
