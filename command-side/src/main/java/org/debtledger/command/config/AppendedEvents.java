package org.debtledger.command.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes every command's result the sequence number of the last event it appended (or null when it appended
 * none), so the API can answer with the debt's new sequence number and the event's position.
 */
@Component
public class AppendedEvents {

    private static final String APPENDED = AppendedEvents.class.getName();

    AppendedEvents(CommandBus commandBus, EventStore eventStore) {
        eventStore.registerDispatchInterceptor(messages -> {
            CurrentUnitOfWork.ifStarted(unitOfWork -> {
                List<Long> sequences = unitOfWork.root().getOrComputeResource(APPENDED, key -> new ArrayList<>());
                messages.stream()
                        .filter(DomainEventMessage.class::isInstance)
                        .forEach(message -> sequences.add(((DomainEventMessage<?>) message).getSequenceNumber()));
            });
            return (index, message) -> message;
        });
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            chain.proceed();
            List<Long> sequences = unitOfWork.getResource(APPENDED);
            return sequences == null || sequences.isEmpty() ? null : sequences.get(sequences.size() - 1);
        });
    }
}
