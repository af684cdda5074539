package org.debtledger.query.stream.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.debtledger.query.stream.PublicEvent;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka records of the public stream. An event's record is keyed by its debt, so that a debt's events share a
 * partition and keep their order; its value is the event's JSON as the HTTP stream sends it, and its headers say its
 * position, type and schema version as text, so a consumer can route and deduplicate without reading the value.
 */
final class EventRecords {

    static final String POSITION = "position";
    static final String EVENT_TYPE = "event-type";
    static final String SCHEMA_VERSION = "schema-version";

    private EventRecords() {
    }

    static ProducerRecord<String, byte[]> of(String topic, PublicEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.debtId(),
                JsonMapper.shared().writeValueAsBytes(event));
        Headers headers = record.headers();
        headers.add(POSITION, text(Long.toString(event.position())));
        headers.add(EVENT_TYPE, text(event.type()));
        headers.add(SCHEMA_VERSION, text(Integer.toString(event.version())));
        return record;
    }

    /** The position published last, keyed by the events topic it belongs to. */
    static ProducerRecord<String, byte[]> position(String positionTopic, String topic, long position) {
        return new ProducerRecord<>(positionTopic, topic, text(Long.toString(position)));
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
