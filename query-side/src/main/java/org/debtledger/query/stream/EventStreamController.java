package org.debtledger.query.stream;

import io.swagger.v3.oas.annotations.Operation;
import org.debtledger.query.api.QueryProblems.Forbidden;
import org.debtledger.edge.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The public event stream for downstream systems: pages after a position, or live server-sent events whose id
 * is the position, so a consumer resumes where it stopped. Oldest first, per debt in sequence order, never past
 * a position that may still commit; re-asking from an older position gives the same events with the same ids.
 */
@RestController
class EventStreamController {

    private static final int MAX_LIMIT = 1000;

    private final PublicStreamPages pages;
    private final EventSubscribers subscribers;

    EventStreamController(PublicStreamPages pages, EventSubscribers subscribers) {
        this.pages = pages;
        this.subscribers = subscribers;
    }

    @Operation(summary = "The public event stream, a page at a time")
    @GetMapping("/api/v1/events")
    PublicStreamPages.Page page(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit,
                       @RequestParam(required = false) String types, @RequestParam(required = false) String creditorId,
                       @RequestParam(required = false) String debtId) {
        if (after < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("after must not be negative and limit must be 1 to " + MAX_LIMIT);
        }
        return pages.after(after, limit, filter(types, creditorId, debtId));
    }

    @Operation(summary = "The public event stream, live (server-sent events)")
    @GetMapping(path = "/api/v1/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                      @RequestParam(required = false) Long after, @RequestParam(required = false) String types,
                      @RequestParam(required = false) String creditorId, @RequestParam(required = false) String debtId) {
        long from = lastEventId != null ? lastEventId : after != null ? after : 0;
        if (from < 0) {
            throw new IllegalArgumentException("the position to resume after must not be negative");
        }
        return subscribers.subscribe(from, filter(types, creditorId, debtId));
    }

    /** A creditor sees only its own events: its filter is always its own creditor id. */
    private static PublicStreamPages.Filter filter(String types, String creditorId, String debtId) {
        Caller caller = Caller.current();
        if (caller.seesOnlyOwnCreditor()) {
            if (caller.creditorId() == null || (creditorId != null && !creditorId.equals(caller.creditorId()))) {
                throw new Forbidden("a creditor's stream holds only its own events; creditorId must be "
                        + caller.creditorId() + " or left out");
            }
            creditorId = caller.creditorId();
        }
        Set<String> wanted = null;
        if (types != null) {
            wanted = new LinkedHashSet<>(Arrays.asList(types.split(",")));
            for (String type : wanted) {
                if (!PublishedLanguage.TYPES.contains(type)) {
                    throw new IllegalArgumentException("unknown event type '" + type + "'; known: "
                            + PublishedLanguage.TYPES);
                }
            }
        }
        return new PublicStreamPages.Filter(wanted, creditorId, debtId);
    }
}
