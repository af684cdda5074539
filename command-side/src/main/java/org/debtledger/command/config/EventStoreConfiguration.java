package org.debtledger.command.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.flywaydb.core.Flyway;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * The event store, wired by hand: Axon 4.13's JDBC and transaction auto-configuration orders itself after
 * Spring Boot 3's class names, so under Boot 4 it may not see the DataSource and would fall back to no
 * transactions at all. Here every command runs in one database transaction, and events go to PostgreSQL
 * through Axon's JDBC storage engine.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** The event store's tables, created and migrated by Flyway before anything reads or writes them. */
    @Bean(initMethod = "migrate")
    Flyway eventStoreMigration(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/eventstore")
                .load();
    }

    // The query side wires the same three beans; in the standalone process whichever comes first serves both.

    @Bean
    @ConditionalOnMissingBean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    @ConditionalOnMissingBean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                // PostgreSQL's unique_violation: another process appended this debt's sequence number first
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .build();
    }
}
