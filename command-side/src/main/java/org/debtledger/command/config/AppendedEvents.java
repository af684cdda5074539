package org.debtledger.command.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes every command's result, in its unit of work, the sequence number of the last event it appended (or null
 * when it appended none); the group commit turns it into where the command {@link Landed}, so the API can answer
 * with the debt's new sequence number and the event's position, and a bank file can tell a payment applied now
 * from one applied before.
 */
@Component
public class AppendedEvents {

    private static final String APPENDED = AppendedEvents.class.getName();

    AppendedEvents(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            chain.proceed();
            List<Long> sequences = unitOfWork.root().getResource(APPENDED);
            return sequences == null || sequences.isEmpty() ? null : sequences.get(sequences.size() - 1);
        });
    }

    /**
     * Notes each event as the aggregate publishes it to the event store, in the command's unit of work. The event
     * store's dispatch interceptors would be too late: they run when the transaction prepares to commit, after
     * the command's result is made. Its monitor sees each event at once.
     */
    @Bean
    static ConfigurerModule appendedEventsNoted() {
        return configurer -> configurer.configureMessageMonitor(EventStore.class, (configuration, type, name) ->
                message -> {
                    if (message instanceof DomainEventMessage<?> event) {
                        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root()
                                .<List<Long>>getOrComputeResource(APPENDED, key -> new ArrayList<>())
                                .add(event.getSequenceNumber()));
                    }
                    return NoOpMessageMonitorCallback.INSTANCE;
                });
    }
}
