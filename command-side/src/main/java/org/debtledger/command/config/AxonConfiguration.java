package org.debtledger.command.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.debtledger.command.debt.Debt;
import org.debtledger.command.policy.CollectionPolicy;
import org.debtledger.command.store.EventTableQueries;
import org.debtledger.eventstore.GroupedStorageEngine;
import org.debtledger.interest.ReferenceRateCache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.time.Duration;
import java.util.concurrent.Executors;

@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /**
     * Policies are loaded and checked once, at start-up: a bad policy file stops the application. The reference
     * rates are the database's, as an operator keeps them.
     */
    @Bean
    CollectionPolicy collectionPolicy(ReferenceRateCache referenceRates) {
        return CollectionPolicy.shipped(referenceRates);
    }

    /**
     * Axon's snapshotter as Spring Boot makes it, but each snapshot taken in a transaction of its own: a snapshot is
     * taken right after the command that asked for it, while the group commit's transaction is still open, and must
     * neither see that transaction's events before they are committed nor, failing, leave it unusable. It snapshots
     * the debt as committed.
     */
    @Bean
    SpringAggregateSnapshotter debtSnapshotter(org.axonframework.config.Configuration axon, EventStore eventStore,
                                               PlatformTransactionManager transactions,
                                               ParameterResolverFactory parameterResolverFactory,
                                               HandlerDefinition handlerDefinition,
                                               SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(axon::repository)
                .transactionManager(new SpringTransactionManager(transactions,
                        new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW)))
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .build();
    }

    @Bean
    SnapshotTriggerDefinition debtSnapshotTrigger(Snapshotter snapshotter,
                                                  @Value("${ledger.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Each debt is made with its own constructor, not looked up as a Spring prototype bean (Axon's default for an
     * aggregate in Spring), a lookup that costs every command and gains nothing: nothing in a debt is injected. Its
     * handlers get the collection policy as a parameter, which Axon can resolve only once it is configured, so the
     * factory is made when the first debt is.
     */
    @Bean
    AggregateFactory<Debt> debtAggregateFactory(org.axonframework.config.Configuration axon) {
        return new AggregateFactory<>() {
            private volatile AggregateFactory<Debt> made;

            @Override
            public Debt createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
                if (made == null) {
                    made = new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                            Debt.class, axon.parameterResolverFactory(), axon.handlerDefinition(Debt.class)));
                }
                return made.createAggregateRoot(aggregateIdentifier, firstEvent);
            }

            @Override
            public Class<Debt> getAggregateType() {
                return Debt.class;
            }
        };
    }

    /** Snapshots of another revision of the Debt aggregate's fields are ignored: the debt is replayed instead. */
    @Bean
    SnapshotFilter debtSnapshotFilter() {
        return RevisionSnapshotFilter.builder().type(Debt.class).revision(Debt.SNAPSHOT_REVISION).build();
    }

    /** The debts commands loaded lately, so that the next command to one need not read it again. */
    @Bean
    AggregateCache debtCache(@Value("${ledger.aggregate-cache.size:2000}") int size) {
        return new AggregateCache(size);
    }

    /**
     * Commands that arrive together are committed together (see {@link GroupCommit}); each is counted once it is
     * answered, by type and how it ended, for the metrics scrape.
     */
    @Bean
    GroupCommit groupCommit(CommandBus commandBus, PlatformTransactionManager transactions, EventTableQueries events,
                            GroupedStorageEngine storage, AggregateCache debtCache,
                            @Value("${ledger.group-commit.lanes:2}") int lanes,
                            @Value("${ledger.group-commit.max-group:64}") int maxGroup,
                            @Value("${ledger.group-commit.window:0ms}") Duration window,
                            ObjectProvider<MeterRegistry> registry) {
        MeterRegistry metrics = registry.getObject();
        return new GroupCommit(commandBus, transactions, events, storage, debtCache, lanes, maxGroup, window, metrics,
                new CommandMetrics(metrics));
    }

    /**
     * Every command goes through the group commit. Two processes changing the same debt at once: the second append
     * hits the unique (debt, sequence) key and the command is retried on the fresh state, a few times, before it is
     * refused as a conflict.
     */
    @Bean
    @Primary
    CommandGateway commandGateway(GroupCommit groupCommit, @Value("${ledger.command-retries:3}") int retries) {
        return gateway(groupCommit.bus(), retries);
    }

    /** For close of business, which sends a batch of commands at once: each waits for its lane, to fill groups. */
    @Bean
    CommandGateway queuedCommandGateway(GroupCommit groupCommit, @Value("${ledger.command-retries:3}") int retries) {
        return gateway(groupCommit.queuedBus(), retries);
    }

    private static CommandGateway gateway(CommandBus bus, int retries) {
        return DefaultCommandGateway.builder()
                .commandBus(bus)
                .retryScheduler(new ConflictRetry(Executors.newSingleThreadScheduledExecutor(), retries, 10))
                .build();
    }

    @Bean
    CorrelationDataProvider auditTrail() {
        return new AuditTrail();
    }
}
