package org.debtledger.query.access;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The access log for compliance: who read which debtor's data, when and why; in the order written, a page at a
 * time, each page starting after the last entry of the one before.
 */
@RestController
class AccessLogController {

    private static final int MAX_LIMIT = 1000;

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    record Page(List<AccessLog.Entry> entries, long next) {
    }

    @Operation(summary = "The access log: who read which debtor's data, a page at a time")
    @GetMapping("/api/v1/access-log")
    Page entries(@RequestParam(required = false) String debtorId, @RequestParam(required = false) String actorId,
                 @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                 @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        if (after < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("after must not be negative and limit must be 1 to " + MAX_LIMIT);
        }
        List<AccessLog.Entry> entries = accessLog.entries(debtorId, actorId, from, to, after, limit);
        return new Page(entries, entries.isEmpty() ? after : entries.get(entries.size() - 1).id());
    }
}
