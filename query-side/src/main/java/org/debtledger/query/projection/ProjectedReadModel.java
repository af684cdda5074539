package org.debtledger.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.debtledger.debt.DebtEvent;

/**
 * A read model kept live by its processing group's processor: every event of a debt goes to
 * {@link BatchedProjection}. A subclass names its group with {@code @ProcessingGroup} and is its fold and its rows.
 */
public abstract class ProjectedReadModel<S> implements ReadModel<S> {

    private final BatchedProjection batches;
    private final String processingGroup;

    protected ProjectedReadModel(BatchedProjection batches, String processingGroup) {
        this.batches = batches;
        this.processingGroup = processingGroup;
    }

    @EventHandler
    public void on(DebtEvent event, DomainEventMessage<?> message) {
        batches.handle(this, message);
    }

    @Override
    public String processingGroup() {
        return processingGroup;
    }
}
