package org.debtledger.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.debtledger.debt.DebtEvent;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The events a processor hands its handlers in one transaction (a batch of up to {@code batch-size}), so that a
 * projection reads and writes once a batch instead of once an event. A dead letter retried alone is a batch of
 * one. Handlers are only ever called inside a batch.
 */
public final class ProcessingBatch {

    private ProcessingBatch() {
    }

    /** The batch's events of debts, in the order they are handled. */
    public static List<DomainEventMessage<?>> events() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        List<? extends Message<?>> messages = batch instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages() : List.of(batch.getMessage());
        return messages.stream()
                .filter(DomainEventMessage.class::isInstance)
                .<DomainEventMessage<?>>map(DomainEventMessage.class::cast)
                .filter(event -> event.getPayload() instanceof DebtEvent)
                .toList();
    }

    /** Something kept for the rest of the batch under {@code key}, made when first asked for. */
    public static <T> T state(String key, Supplier<T> make) {
        return CurrentUnitOfWork.get().getOrComputeResource(key, absent -> make.get());
    }

    /**
     * Something kept for the rest of the batch under {@code key}, made when first asked for and handed to
     * {@code beforeCommit} once, inside the batch's transaction just before it commits.
     */
    public static <T> T state(String key, Supplier<T> make, Consumer<T> beforeCommit) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        return batch.getOrComputeResource(key, absent -> {
            T made = make.get();
            batch.onPrepareCommit(committing -> beforeCommit.accept(made));
            return made;
        });
    }

    /**
     * Runs a batch's look-ups with PostgreSQL planning them for the tables as they are now, not with a plan the
     * connection cached when they were small: a new query side's tables start empty and fill within minutes, and a
     * plan made while they were empty reads the whole table for every debt a batch looks up. The batch's writes,
     * hundreds of statements, keep the cached plans, which spares planning every row written.
     */
    public static void lookUpWithFreshPlans(JdbcClient jdbc, Runnable lookUps) {
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        lookUps.run();
        jdbc.sql("SET LOCAL plan_cache_mode TO DEFAULT").update();
    }
}
