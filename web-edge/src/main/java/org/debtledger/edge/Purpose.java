package org.debtledger.edge;

import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.audit.Channel;

import java.util.Arrays;

/**
 * Why and through which channel a caller asks, as its headers say: {@code X-Channel} (one of {@link Channel}),
 * {@code X-Reason} (1 to 500 characters) and {@code X-Correlation-Id} (1 to 100). Each is optional; one given
 * with a bad value is refused. Commands carry it in their events' metadata, reads into the access log.
 */
public record Purpose(Channel channel, String reason, String correlationId) {

    public static Purpose of(HttpServletRequest request) {
        String channel = request.getHeader("X-Channel");
        if (channel != null && Arrays.stream(Channel.values()).noneMatch(known -> known.name().equals(channel))) {
            throw new IllegalArgumentException("X-Channel must be one of " + Arrays.toString(Channel.values()));
        }
        return new Purpose(channel == null ? null : Channel.valueOf(channel),
                bounded(request.getHeader("X-Reason"), "X-Reason", 500),
                bounded(request.getHeader("X-Correlation-Id"), "X-Correlation-Id", 100));
    }

    /**
     * A debtor's own request through self-service: its channel is SELF_SERVICE whatever the headers say, with the
     * reason and correlation id they give.
     */
    public static Purpose selfService(HttpServletRequest request) {
        return new Purpose(Channel.SELF_SERVICE, bounded(request.getHeader("X-Reason"), "X-Reason", 500),
                bounded(request.getHeader("X-Correlation-Id"), "X-Correlation-Id", 100));
    }

    private static String bounded(String value, String name, int max) {
        if (value != null && (value.isBlank() || value.length() > max)) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
        return value;
    }
}
