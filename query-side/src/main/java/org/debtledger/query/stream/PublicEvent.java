package org.debtledger.query.stream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

import java.time.Instant;

/**
 * An event as downstream systems see it: the published language, versioned and documented by a JSON Schema per
 * type in {@code public-events/}, kept apart from the ledger's internal event classes. Amounts are
 * {@code {"amount": "12.34", "currency": "EUR"}}, dates ISO-8601 ({@code 2025-03-01}); what a consumer may see is
 * decided per type.
 */
@JsonSerialize(using = PublicEvent.Json.class)
public record PublicEvent(String eventId, long position, String debtId, long sequenceNumber, String type, int version,
                          String businessDate, Instant recordedAt, String creditorId,
                          PublishedLanguage.Payload payload) {

    /** Its JSON, in a page and as a server-sent event alike: the fields above in their order, the payload last. */
    static final class Json extends ValueSerializer<PublicEvent> {

        @Override
        public void serialize(PublicEvent event, JsonGenerator json, SerializationContext context) {
            json.writeStartObject();
            json.writeStringProperty("eventId", event.eventId());
            json.writeNumberProperty("position", event.position());
            json.writeStringProperty("debtId", event.debtId());
            json.writeNumberProperty("sequenceNumber", event.sequenceNumber());
            json.writeStringProperty("type", event.type());
            json.writeNumberProperty("version", event.version());
            json.writeStringProperty("businessDate", event.businessDate());
            json.writeStringProperty("recordedAt", event.recordedAt().toString());
            json.writeStringProperty("creditorId", event.creditorId());
            json.writeObjectPropertyStart("payload");
            event.payload().write(json);
            json.writeEndObject();
            json.writeEndObject();
        }
    }
}
