package org.debtledger.command.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /** The business day's clock, in the agency's time zone. Only the API edge and the scheduler read it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${ledger.time-zone:Europe/Helsinki}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
