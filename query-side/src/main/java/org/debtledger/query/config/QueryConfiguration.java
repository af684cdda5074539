package org.debtledger.query.config;

import org.springframework.beans.factory.annotation.Value;
import org.debtledger.query.stream.DescriptionPublishing;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

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
}
