package org.debtledger.query.queue;

import io.swagger.v3.oas.annotations.Operation;
import org.debtledger.query.config.QueryConnections;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ReadPositions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.debtledger.query.projection.ProjectionVersions.active;

/**
 * The advisor queue: open work, most urgent first (priority, then due date), filtered by advisor, type and
 * creditor, one page at a time; and its changes as a live stream. Work not due for attention yet (a pause ending
 * in more than 7 days, a debt registered less than 14 days ago) stays hidden until {@code today}. Each item shows
 * the last contact about its debt. An advisor takes an item by having the case assigned:
 * {@code POST /api/v1/debts/{debtId}/assignment}, a command, so it is audited.
 */
@RestController
class AdvisorQueueController {

    private static final int MAX_PAGE_SIZE = 200;

    private final JdbcClient jdbc;
    private final ReadPositions positions;
    private final QueueStream stream;
    private final Clock clock;

    AdvisorQueueController(QueryConnections connections, ReadPositions positions, QueueStream stream, Clock clock) {
        this.jdbc = connections.jdbc();
        this.positions = positions;
        this.stream = stream;
        this.clock = clock;
    }

    record Page(List<WorkItem> items, int page, int size, long total) {
    }

    @Operation(summary = "The advisor queue's open work")
    @GetMapping("/api/v1/advisor-queue")
    ResponseEntity<Page> queue(@RequestParam(required = false) String advisorId,
                               @RequestParam(required = false) WorkType type,
                               @RequestParam(required = false) String creditorId,
                               @RequestParam(required = false) LocalDate today,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                               @RequestParam(required = false) Long minPosition) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must not be negative and size must be 1 to " + MAX_PAGE_SIZE);
        }
        long reached = positions.awaitAtLeast(ProcessingGroups.ADVISOR_QUEUE, minPosition);
        String items = active("work_item");
        String where = " WHERE open AND visible_from <= :today"
                + " AND (CAST(:advisor AS VARCHAR) IS NULL OR advisor_id = :advisor)"
                + " AND (CAST(:type AS VARCHAR) IS NULL OR type = :type)"
                + " AND (CAST(:creditor AS VARCHAR) IS NULL OR creditor_id = :creditor)";
        LocalDate day = today != null ? today : LocalDate.now(clock);
        String typeName = type == null ? null : type.name();
        long total = jdbc.sql("SELECT count(*) FROM " + items + where)
                .param("today", day).param("advisor", advisorId).param("type", typeName).param("creditor", creditorId)
                .query(Long.class).single();
        List<WorkItem> found = jdbc.sql("SELECT " + WorkItem.COLUMNS + " FROM " + items + where
                        + " ORDER BY priority, due_date, item_id LIMIT :size OFFSET :offset")
                .param("today", day).param("advisor", advisorId).param("type", typeName).param("creditor", creditorId)
                .param("size", size).param("offset", (long) page * size)
                .query(WorkItem::from).list();
        found = withLastContacts(found);
        return ResponseEntity.ok().header("X-Read-Position", Long.toString(reached))
                .body(new Page(found, page, size, total));
    }

    // ---- the contact log
    /** The items, each with the last contact about its debt. */
    private List<WorkItem> withLastContacts(List<WorkItem> items) {
        Map<String, DebtWorkItems.LastContact> contacts = new HashMap<>();
        jdbc.sql("SELECT debt_id, last_contact_date, last_contact_channel, last_contact_outcome FROM "
                        + active("work_debt") + " WHERE debt_id = ANY(:ids) AND last_contact_date IS NOT NULL")
                .param("ids", items.stream().map(WorkItem::debtId).distinct().toArray(String[]::new))
                .query((row, n) -> Map.entry(row.getString(1), StoredQueues.lastContact(row))).list()
                .forEach(entry -> contacts.put(entry.getKey(), entry.getValue()));
        return items.stream().map(item -> item.withLastContact(contacts.get(item.debtId()))).toList();
    }

    /** Every change of the queue as a server-sent event whose id is its position; resume with Last-Event-ID. */
    @Operation(summary = "The advisor queue's changes, live (server-sent events)")
    @GetMapping(path = "/api/v1/advisor-queue/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter changes(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                       @RequestParam(required = false) Long after) {
        long from = lastEventId != null ? lastEventId : after != null ? after : 0;
        return stream.subscribe(from);
    }
}
