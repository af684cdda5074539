package org.debtledger.command.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.debtledger.command.store.EventTableQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;

/** A command of the {@link GroupCommit} waiting for its lane, and then for the commit of its group. */
final class Waiting<C, R> {

    static final Waiting<Object, Object> STOP = new Waiting<>(null, null, null, null);
    private static final Logger log = LoggerFactory.getLogger(Waiting.class);

    private final CommandMessage<C> command;
    /** The aggregate the command names: its lane, and its key in the cache. */
    final String aggregate;
    private final CommandCallback<? super C, ? super R> callback;
    /** Told how the command ended, once, when it is answered: a command decided again is counted once. */
    private final MessageMonitor.MonitorCallback monitor;
    private CommandResultMessage<? extends R> result;
    private boolean answered;

    Waiting(CommandMessage<C> command, String aggregate, CommandCallback<? super C, ? super R> callback,
            MessageMonitor.MonitorCallback monitor) {
        this.command = command;
        this.aggregate = aggregate;
        this.callback = callback;
        this.monitor = monitor;
    }

    /** Makes each accepted command's result where its aggregate stands, looked up for the whole group at once. */
    static void land(List<Waiting<?, ?>> group, EventTableQueries events) {
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

    boolean accepted() {
        return result != null && !result.isExceptional();
    }

    /**
     * Whether it failed on a statement to the database (a conflict on the unique key, a connection lost): such a
     * failure may leave the transaction it shares unusable. A refusal by a rule fails in the ledger's own code.
     */
    boolean failedInTheDatabase() {
        for (Throwable cause = result == null ? null : result.optionalExceptionResult().orElse(null);
             cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    Object result() {
        return result == null || result.isExceptional() ? null : result.getPayload();
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

    /** Its group was rolled back: it is yet to be decided again. */
    void forget() {
        result = null;
    }

    /** Runs the command in the lane's transaction; its result is kept until the group is committed. */
    void decide(CommandBus local) {
        CommandCallback<C, R> keep = (message, decided) -> result = decided;
        local.dispatch(command, keep);
    }

    /**
     * Answers the caller, once: with its own result, or with {@code failure} (its commit failed, or it never
     * ran) unless the command failed itself, since its own failure is the one to tell.
     */
    void answer(RuntimeException failure) {
        if (answered) {
            return;
        }
        answered = true;
        CommandResultMessage<? extends R> answer = result;
        if (answer == null || (failure != null && !answer.isExceptional())) {
            answer = GenericCommandResultMessage.asCommandResultMessage(
                    failure != null ? failure : GroupCommit.SHUTTING_DOWN.get());
        }
        if (answer.isExceptional()) {
            monitor.reportFailure(answer.exceptionResult());
        } else {
            monitor.reportSuccess();
        }
        try {
            callback.onResult(command, answer);
        } catch (RuntimeException callbackFailed) {
            log.error("answering a {} failed", command.getCommandName(), callbackFailed);
        }
    }
}
