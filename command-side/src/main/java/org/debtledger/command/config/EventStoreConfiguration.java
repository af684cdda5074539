package org.debtledger.command.config;

import org.debtledger.eventstore.EventStorage;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;

/**
 * The event store the commands append to: its tables are this side's to create and migrate; the storage engine is
 * {@link EventStorage}, shared with the query side.
 */
@Configuration(proxyBeanMethods = false)
@Import(EventStorage.class)
public class EventStoreConfiguration {

    /** The event store's tables, created and migrated by Flyway before anything reads or writes them. */
    @Bean(initMethod = "migrate")
    Flyway eventStoreMigration(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/eventstore")
                .load();
    }
}
