package org.debtledger.command.config;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.debtledger.audit.AuditMetadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a command's audit metadata onto every event it causes: who, in which role, through which channel,
 * why, the request's correlation id, and the causing command's id as causation id.
 */
class AuditTrail implements CorrelationDataProvider {

    private static final List<String> COPIED = List.of(AuditMetadata.ACTOR_ID, AuditMetadata.ACTOR_ROLE,
            AuditMetadata.CHANNEL, AuditMetadata.REASON, AuditMetadata.CORRELATION_ID);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : COPIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.putIfAbsent(AuditMetadata.CORRELATION_ID, message.getIdentifier());
        data.put(AuditMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
