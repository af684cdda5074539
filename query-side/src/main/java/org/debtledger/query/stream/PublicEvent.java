package org.debtledger.query.stream;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * An event as downstream systems see it: the published language, versioned and documented by a JSON Schema per
 * type in {@code public-events/}, kept apart from the ledger's internal event classes. Amounts are
 * {@code {"amount": "12.34", "currency": "EUR"}}; what a consumer may see is decided per type.
 */
public record PublicEvent(String eventId, long position, String debtId, long sequenceNumber, String type, int version,
                          LocalDate businessDate, Instant recordedAt, String creditorId, Map<String, Object> payload) {
}
