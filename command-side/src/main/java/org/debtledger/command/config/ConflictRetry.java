package org.debtledger.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command that lost a race for the same debt (another process appended its next event first), so it
 * runs again on the fresh state. Nothing else is retried: a rule refusal or a duplicate debt id is final.
 * Logs only the command's name: exception messages may quote the event's data.
 */
class ConflictRetry implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long intervalMillis;

    ConflictRetry(ScheduledExecutorService executor, int maxRetries, long intervalMillis) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        boolean lostARace = lastFailure instanceof ConcurrencyException
                && !(lastFailure instanceof AggregateStreamCreationException);
        if (!lostARace || failures.size() > maxRetries) {
            return false;
        }
        log.debug("{} met a concurrent change; retry {} of {}", commandMessage.getCommandName(), failures.size(),
                maxRetries);
        executor.schedule(commandDispatch, intervalMillis * failures.size(), TimeUnit.MILLISECONDS);
        return true;
    }
}
