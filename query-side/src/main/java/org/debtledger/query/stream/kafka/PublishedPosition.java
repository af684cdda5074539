package org.debtledger.query.stream.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The position published last, read back from the compacted position topic as committed: a batch's events and its
 * position go in one transaction, so the committed position is exactly where the committed events end.
 */
final class PublishedPosition {

    private static final Duration READ_WITHIN = Duration.ofSeconds(30);

    private PublishedPosition() {
    }

    /** The position after which to publish next: 0 if nothing was ever published to {@code topic}. */
    static long read(Map<String, Object> consumerSettings, String positionTopic, String topic) {
        Map<String, Object> settings = new HashMap<>(consumerSettings);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (Consumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(positionTopic, READ_WITHIN).stream()
                    .map(partition -> new TopicPartition(positionTopic, partition.partition())).toList();
            if (partitions.isEmpty()) {
                // read as nothing published, every event would be published again
                throw new IllegalStateException(positionTopic + " has no partitions the brokers tell of yet");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // read_committed: the end is the last stable offset, before any transaction still open
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_WITHIN);
            long position = 0;
            Instant deadline = Instant.now().plus(READ_WITHIN);
            while (!readTo(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + positionTopic + " within " + READ_WITHIN);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (topic.equals(record.key()) && record.value() != null) {
                        position = Long.parseLong(record.value());
                    }
                }
            }
            return position;
        }
    }

    private static boolean readTo(Consumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
