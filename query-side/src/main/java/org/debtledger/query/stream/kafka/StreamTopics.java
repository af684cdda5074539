package org.debtledger.query.stream.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.config.TopicBuilder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The events topic and the compacted position topic, created when missing with the brokers' replication factor.
 * An existing topic is never changed: partitions added to it would send a debt's later events to another partition,
 * out of order with its earlier ones.
 */
final class StreamTopics {

    private StreamTopics() {
    }

    static void createIfMissing(Map<String, Object> adminSettings, KafkaPublishing settings) {
        List<NewTopic> topics = List.of(TopicBuilder.name(settings.topic()).partitions(settings.partitions()).build(),
                // the last position must outlive any retention time: compacted, it is kept for good
                TopicBuilder.name(settings.positionTopic()).partitions(1).compact().build());
        try (Admin admin = Admin.create(adminSettings)) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create the topic " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the brokers did not create the topics in time", e);
        }
    }
}
