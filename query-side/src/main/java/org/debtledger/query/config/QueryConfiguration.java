package org.debtledger.query.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.debtledger.query.stream.DescriptionPublishing;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(DescriptionPublishing.class)
public class QueryConfiguration {

    /** Today, in the agency's time zone: the queue's default for what is due. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${ledger.time-zone:Europe/Helsinki}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    @Bean(destroyMethod = "close")
    QueryConnections queryConnections(DataSource ledger, @Value("${ledger.queries.pool-size}") int size,
                                      ObjectProvider<MeterRegistry> registry) throws SQLException {
        return new QueryConnections(ledger, size, registry.getIfAvailable());
    }
}
