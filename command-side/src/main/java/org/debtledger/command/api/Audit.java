package org.debtledger.command.api;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.debtledger.audit.AuditMetadata;
import org.debtledger.audit.Channel;

import java.util.HashMap;
import java.util.Map;

/**
 * Who is asking, read from the request: {@code X-Actor-Id}, {@code X-Actor-Role}, {@code X-Channel},
 * {@code X-Reason} and {@code X-Correlation-Id}. Until authentication is in place these headers are taken
 * as given; a request without them is recorded as anonymous.
 */
public record Audit(String actorId, String actorRole, Channel channel, String reason, String correlationId) {

    static Audit from(HttpServletRequest request) {
        String channel = request.getHeader("X-Channel");
        return new Audit(header(request, "X-Actor-Id", "anonymous"), header(request, "X-Actor-Role", "ANONYMOUS"),
                channel == null ? null : parseChannel(channel), request.getHeader("X-Reason"),
                request.getHeader("X-Correlation-Id"));
    }

    private static String header(HttpServletRequest request, String name, String fallback) {
        String value = request.getHeader(name);
        return value == null || value.isBlank() ? fallback : InvalidRequest.requiredText(value, name, 100);
    }

    private static Channel parseChannel(String channel) {
        try {
            return Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("X-Channel must be one of " + java.util.Arrays.toString(Channel.values()));
        }
    }

    /** The metadata a command carries; a channel or reason given in the body wins over the headers. */
    MetaData metaData(Channel bodyChannel, String bodyReason) {
        Map<String, Object> data = new HashMap<>();
        data.put(AuditMetadata.ACTOR_ID, actorId);
        data.put(AuditMetadata.ACTOR_ROLE, actorRole);
        Channel effectiveChannel = bodyChannel != null ? bodyChannel : channel != null ? channel : Channel.SYSTEM;
        data.put(AuditMetadata.CHANNEL, effectiveChannel.name());
        String effectiveReason = bodyReason != null ? bodyReason : reason;
        if (effectiveReason != null) {
            data.put(AuditMetadata.REASON, effectiveReason);
        }
        if (correlationId != null) {
            data.put(AuditMetadata.CORRELATION_ID, InvalidRequest.requiredText(correlationId, "X-Correlation-Id", 100));
        }
        return MetaData.from(data);
    }
}
