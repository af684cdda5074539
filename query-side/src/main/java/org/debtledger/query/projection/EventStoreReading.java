package org.debtledger.query.projection;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.debtledger.eventstore.EventStorage;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Reading the event store: the storage engine both sides share ({@link EventStorage}), tracking tokens in PostgreSQL
 * so several query processes share the segments, and a dead-letter queue per processing group.
 */
@Configuration(proxyBeanMethods = false)
@Import(EventStorage.class)
public class EventStoreReading {

    /**
     * The event store the processors read. In the query side alone another process appends to it, so nothing wakes
     * a reader that has caught up: it asks the store again every 50 ms ({@code ledger.projection.fetch-delay})
     * instead of Axon's default second, which would be the projection lag. Every 10 ms shortened the lag (about 45
     * ms at p50 against 70 beside 300 commands a second) and lengthened the queries beside it (p99 43 to 73 ms against
     * 30 to 42): benchmarks/RESULTS.md, 2026-12-07.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnMissingBean(EventBus.class)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${ledger.projection.fetch-delay:50ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /** The read models' schema, migrated by Flyway apart from the event store's. */
    @Bean(initMethod = "migrate")
    Flyway readModelMigration(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas("ledger_read")
                .createSchemas(true)
                .locations("classpath:db/readmodel")
                .load();
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * The event store as the read models' processors stream it: a caught-up processor is woken by new events, at most
     * once every 50 ms ({@code ledger.projection.wake-interval}).
     */
    @Bean(destroyMethod = "close")
    WakingEventSource readModelEventSource(EventStore eventStore,
                                           @Value("${ledger.projection.wake-interval:50ms}") Duration interval) {
        return new WakingEventSource(eventStore, interval);
    }

    /**
     * The processors read through {@link WakingEventSource}; idle segments store how far they have got every second,
     * so other processes can tell how fresh a model is; a new model starts from the first event.
     */
    @Bean
    ConfigurerModule processorSettings(ObjectProvider<WakingEventSource> source) {
        // looked up when the processors are built: the event store itself waits for Axon's configuration
        return configurer -> configurer.eventProcessing(processing -> {
            for (String group : ProcessingGroups.ALL) {
                processing.registerPooledStreamingEventProcessorConfiguration(group,
                        (config, builder) -> builder.messageSource(source.getObject())
                                .claimExtensionThreshold(1000)
                                // a new read model is built from the first event as the live stream, not as
                                // Axon's default replay up to the head: a replay token says the model is complete
                                // through the head before it has applied a single event
                                .initialToken(StreamableMessageSource::createTailToken));
            }
        });
    }

    /** A poison event goes to its group's dead-letter queue, keeping the debt's later events behind it in order. */
    @Bean
    ConfigurerModule deadLetterQueues(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                      Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String group : ProcessingGroups.ALL) {
                processing.registerDeadLetterQueue(group, config -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connectionProvider)
                        .transactionManager(transactionManager)
                        .schema(DeadLetterSchema.defaultSchema())
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build());
                // the debts a segment has dead-lettered are remembered, so other debts' events do not each ask the
                // queue: a segment is held by one process, the only one that adds to its letters, and the memory
                // goes when the segment does (a rebuild, which fills the letters anew, holds the segments meanwhile)
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (config, builder) -> builder.enableSequenceIdentifierCache());
            }
        });
    }
}
