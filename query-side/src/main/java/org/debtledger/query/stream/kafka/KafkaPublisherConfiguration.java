package org.debtledger.query.stream.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.debtledger.query.stream.PublicStreamPages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import javax.sql.DataSource;

/**
 * The Kafka publisher, with {@code ledger.kafka.enabled=true}. It reaches the brokers as Spring Boot's own Kafka
 * clients would ({@code spring.kafka.*}: addresses, security), with producers of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("ledger.kafka.enabled")
@EnableConfigurationProperties(KafkaPublishing.class)
class KafkaPublisherConfiguration {

    @Bean
    KafkaEventPublisher kafkaEventPublisher(PublicStreamPages pages, DataSource database, KafkaPublishing settings,
                                            DefaultKafkaProducerFactory<?, ?> producers,
                                            DefaultKafkaConsumerFactory<?, ?> consumers, KafkaAdmin admin) {
        return new KafkaEventPublisher(pages, database, KafkaClients.of(producers.getConfigurationProperties(),
                consumers.getConfigurationProperties(), admin.getConfigurationProperties(),
                settings.transactionalId()), settings);
    }

    @Bean
    MeterBinder kafkaPublisherLag(KafkaEventPublisher publisher) {
        return registry -> Gauge.builder("ledger.kafka.publisher.lag", publisher, KafkaEventPublisher::lag)
                .description("Positions the event store's head is ahead of what this process published to Kafka;"
                        + " NaN on a process that does not publish")
                .baseUnit("events")
                .register(registry);
    }
}
