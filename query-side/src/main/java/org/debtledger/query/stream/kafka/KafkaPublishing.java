package org.debtledger.query.stream.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the public stream is published to Kafka ({@code ledger.kafka.*}); off unless {@code enabled}. The brokers and
 * their security come from Spring Boot's {@code spring.kafka.*}.
 *
 * @param topic             where every public event goes, keyed by its debt
 * @param positionTopic     a compacted topic beside it, holding the position published last (default: the topic's
 *                          name and {@code .position})
 * @param transactionalId   the producer's fixed transactional id: a publisher that starts fences the one before it
 * @param partitions        the events topic's partitions, when the publisher creates it
 * @param batchSize         events in one Kafka transaction at most
 * @param takeoverInterval  how often a process that does not publish asks whether it may
 */
@ConfigurationProperties("ledger.kafka")
public record KafkaPublishing(boolean enabled, String topic, String positionTopic, String transactionalId,
                              int partitions, int batchSize, Duration takeoverInterval) {

    public static final String DEFAULT_TOPIC = "debt-ledger.events.v1";

    public KafkaPublishing {
        topic = topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic;
        positionTopic = positionTopic == null || positionTopic.isBlank() ? topic + ".position" : positionTopic;
        transactionalId = transactionalId == null || transactionalId.isBlank() ? "debt-ledger-publisher"
                : transactionalId;
        partitions = partitions > 0 ? partitions : 6;
        batchSize = batchSize > 0 ? batchSize : 500;
        takeoverInterval = takeoverInterval == null ? Duration.ofSeconds(5) : takeoverInterval;
    }

    /** Settings for another topic and transactional id, the rest as these. */
    public KafkaPublishing to(String otherTopic, String otherTransactionalId) {
        return new KafkaPublishing(enabled, otherTopic, null, otherTransactionalId, partitions, batchSize,
                takeoverInterval);
    }
}
