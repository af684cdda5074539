package org.debtledger.command.api;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.debtledger.audit.AuditMetadata;
import org.debtledger.audit.Channel;
import org.debtledger.edge.Caller;
import org.debtledger.edge.Role;

import java.util.HashMap;
import java.util.Map;

/**
 * Who is asking and why: the authenticated caller, acting as an advisor (every debt command is an advisor's),
 * and from the request the {@code X-Channel}, {@code X-Reason} and {@code X-Correlation-Id} headers.
 */
public record Audit(String actorId, String actorRole, Channel channel, String reason, String correlationId) {

    static Audit from(HttpServletRequest request) {
        String channel = request.getHeader("X-Channel");
        Caller caller = Caller.current();
        return new Audit(caller.id(), caller.actingAs(Role.ADVISOR).name(),
                channel == null ? null : parseChannel(channel), request.getHeader("X-Reason"),
                request.getHeader("X-Correlation-Id"));
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
        String effectiveReason = bodyReason != null ? bodyReason
                : reason != null ? InvalidRequest.requiredText(reason, "X-Reason", 500) : null;
        if (effectiveReason != null) {
            data.put(AuditMetadata.REASON, effectiveReason);
        }
        if (correlationId != null) {
            data.put(AuditMetadata.CORRELATION_ID, InvalidRequest.requiredText(correlationId, "X-Correlation-Id", 100));
        }
        return MetaData.from(data);
    }
}
