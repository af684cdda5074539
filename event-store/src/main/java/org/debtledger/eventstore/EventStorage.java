package org.debtledger.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.debtledger.serialization.LedgerSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * The event store both sides use, wired by hand once: Axon 4.13's JDBC and transaction auto-configuration orders
 * itself after Spring Boot 3's class names, so under Boot 4 it may not see the DataSource and would fall back to no
 * transactions at all. Here every unit of work runs in one database transaction, and events go to PostgreSQL
 * through Axon's JDBC storage engine. Each side imports this; the standalone ledger imports it once for both.
 */
@Configuration(proxyBeanMethods = false)
public class EventStorage {

    /**
     * Events, snapshots and tokens are JSON written by the shared kernel's mapper (Jackson 2, no default typing);
     * Axon's messages and events use the same serializer.
     */
    @Bean
    @Primary
    Serializer serializer(RevisionResolver revisionResolver) {
        return new LedgerSerializer(revisionResolver);
    }

    /**
     * A unit of work runs in a Spring transaction of its own, or joins the one open on the thread: the command side's
     * group commit decides several commands in one transaction.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * The connection of the Spring transaction the unit of work runs in, committed and rolled back by that
     * transaction alone. Axon's unit-of-work-aware wrapper is left out: it commits and rolls back the connection
     * itself, which would commit or undo a whole group commit's transaction from within one of its commands.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /** Axon's JDBC storage engine, with a group commit's reads ahead and appends in one batch. */
    @Bean
    GroupedStorageEngine eventStorageEngine(Serializer serializer,
                                            @Qualifier("eventSerializer") Serializer eventSerializer,
                                            org.axonframework.config.Configuration configuration,
                                            ConnectionProvider connectionProvider,
                                            TransactionManager transactionManager) {
        return new GroupedStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                // PostgreSQL's unique_violation: another process appended this debt's sequence number first
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager));
    }
}
