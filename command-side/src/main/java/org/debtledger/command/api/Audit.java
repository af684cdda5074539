package org.debtledger.command.api;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.debtledger.audit.AuditMetadata;
import org.debtledger.audit.Channel;
import org.debtledger.edge.Caller;
import org.debtledger.edge.Purpose;
import org.debtledger.edge.Role;

import java.util.HashMap;
import java.util.Map;

/**
 * Who is asking and why: the authenticated caller, acting as an advisor (every debt command through
 * {@code /api/v1/debts} is an advisor's), as the role an operation is for, or as the debtor through self-service;
 * and from the request the {@code X-Channel}, {@code X-Reason} and {@code X-Correlation-Id} headers.
 */
public record Audit(String actorId, String actorRole, Purpose purpose) {

    static Audit from(HttpServletRequest request) {
        return actingAs(Role.ADVISOR, request);
    }

    /** The caller acting in {@code role}, which the endpoint's access rule has already required of it. */
    public static Audit actingAs(Role role, HttpServletRequest request) {
        Caller caller = Caller.current();
        return new Audit(caller.id(), caller.actingAs(role).name(), Purpose.of(request));
    }

    /**
     * A debtor acting through self-service on a debt of theirs: the actor is the debtor reference the debt is
     * owed under ({@code debtorId}, which the caller's sign-in names), the role DEBTOR, and the channel SELF_SERVICE
     * whatever the headers say.
     */
    public static Audit ofDebtor(String debtorId, HttpServletRequest request) {
        Caller caller = Caller.current();
        if (!caller.isDebtor(debtorId)) {
            throw new IllegalStateException("the caller does not sign in as debtor " + debtorId);
        }
        return new Audit(debtorId, Role.DEBTOR.name(), Purpose.selfService(request));
    }

    /** The metadata a command carries; a channel or reason given in the body wins over the headers. */
    public MetaData metaData(Channel bodyChannel, String bodyReason) {
        Map<String, Object> data = new HashMap<>();
        data.put(AuditMetadata.ACTOR_ID, actorId);
        data.put(AuditMetadata.ACTOR_ROLE, actorRole);
        Channel effectiveChannel = bodyChannel != null ? bodyChannel
                : purpose.channel() != null ? purpose.channel() : Channel.SYSTEM;
        data.put(AuditMetadata.CHANNEL, effectiveChannel.name());
        String effectiveReason = bodyReason != null ? bodyReason : purpose.reason();
        if (effectiveReason != null) {
            data.put(AuditMetadata.REASON, effectiveReason);
        }
        if (purpose.correlationId() != null) {
            data.put(AuditMetadata.CORRELATION_ID, purpose.correlationId());
        }
        return MetaData.from(data);
    }
}
