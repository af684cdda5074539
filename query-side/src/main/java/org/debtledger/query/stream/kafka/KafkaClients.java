package org.debtledger.query.stream.kafka;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.TransactionIdSuffixStrategy;

import java.util.HashMap;
import java.util.Map;

/**
 * What a publisher needs of Kafka: transactional producers under one fixed transactional id, and the settings
 * (brokers, security) of the consumer that reads its position back and of the admin that creates its topics.
 */
public record KafkaClients(DefaultKafkaProducerFactory<String, byte[]> producers,
                           Map<String, Object> consumerSettings, Map<String, Object> adminSettings) {

    /**
     * The transactional id exactly as configured: Spring's default adds a counter, which a process that starts anew
     * begins again at 0, so a publisher that had moved to another number would not be fenced.
     */
    private static final TransactionIdSuffixStrategy NO_SUFFIX = new TransactionIdSuffixStrategy() {
        @Override
        public String acquireSuffix(String txIdPrefix) {
            return "";
        }

        @Override
        public void releaseSuffix(String txIdPrefix, String suffix) {
        }
    };

    public static KafkaClients of(Map<String, Object> producerSettings, Map<String, Object> consumerSettings,
                                  Map<String, Object> adminSettings, String transactionalId) {
        Map<String, Object> settings = new HashMap<>(producerSettings);
        settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(settings,
                new StringSerializer(), new ByteArraySerializer());
        producers.setTransactionIdPrefix(transactionalId);
        producers.setTransactionIdSuffixStrategy(NO_SUFFIX);
        return new KafkaClients(producers, Map.copyOf(consumerSettings), Map.copyOf(adminSettings));
    }
}
