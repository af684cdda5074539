package org.debtledger.query.stream;

import org.debtledger.debt.DebtRegistered;
import org.debtledger.query.projection.IndexGaps;
import org.debtledger.query.projection.StoredEvents;
import org.debtledger.query.projection.StoredEvents.Row;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Pages of the public stream: public events in position order, never past a position that a transaction still in
 * flight may yet fill. A missing position is passed only once {@link IndexGaps} has given it up as a hole; until then
 * the page ends before it and the consumer asks again.
 */
@Component
public class PublicStreamPages {

    private static final int MAX_SCAN = 2000;

    private final StoredEvents stored;
    private final IndexGaps gaps;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final DescriptionPublishing descriptions;
    /** Recent debts' creditors, from the registrations read: a debt's creditor never changes. */
    private final Map<String, String> creditors = Collections.synchronizedMap(new LinkedHashMap<>(1000, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 10_000;
        }
    });

    PublicStreamPages(StoredEvents stored, IndexGaps gaps, PlatformTransactionManager transactionManager, Clock clock,
                      DescriptionPublishing descriptions) {
        this.stored = stored;
        this.gaps = gaps;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
        this.descriptions = descriptions;
    }

    /** What a consumer asks for. Null filters match everything. */
    public record Filter(Set<String> types, String creditorId, String debtId) {

        /** Whether an event of this type and debt passes, whichever its creditor. */
        boolean takes(String type, String debt) {
            return (types == null || types.contains(type)) && (debtId == null || debtId.equals(debt));
        }

        boolean takesCreditor(String creditor) {
            return creditorId == null || creditorId.equals(creditor);
        }

        boolean takesEverything() {
            return types == null && creditorId == null && debtId == null;
        }
    }

    /** Events after a position, and the position to ask for next (past events the filter left out, too). */
    public record Page(List<PublicEvent> events, long next) {
    }

    public Page after(long after, int limit, Filter filter) {
        return snapshot.execute(tx -> {
            StoredEvents.Horizon horizon = stored.horizon(); // as this page's snapshot sees the transactions
            int scan = Math.max(limit, Math.min(MAX_SCAN, limit * 20));
            // rows come from the database a batch at a time, and no more are fetched once the page is done: an
            // unfiltered page sends nearly every row, so a batch is a page's worth; a filtered one may pass over many
            // rows for each it sends, so they come at once
            int batchSize = filter.takesEverything() ? limit : scan;
            List<PublicEvent> events = new ArrayList<>();
            long next = after;
            Instant now = clock.instant();
            try (Stream<Row> stream = stored.after(after, scan, batchSize)) {
                Iterator<Row> fetched = stream.iterator();
                boolean done = false;
                while (!done && fetched.hasNext()) {
                    List<Row> batch = nextBatch(fetched, batchSize);
                    Map<String, String> creditorsOfBatch = creditorsOf(batch, filter);
                    for (Row row : batch) {
                        if (row.position() != next + 1
                                && !gaps.settled(next + 1, row.position() - 1, horizon, now)) {
                            done = true;
                            break;
                        }
                        PublicEvent event = toPublic(row, filter, creditorsOfBatch);
                        if (event != null) {
                            events.add(event);
                        }
                        next = row.position();
                        if (events.size() == limit) {
                            done = true;
                            break;
                        }
                    }
                }
            }
            gaps.passed(next);
            return new Page(events, next);
        });
    }

    /** The next rows, as many as the statement fetches in one round trip, or fewer at the end. */
    private static List<Row> nextBatch(Iterator<Row> rows, int batchSize) {
        List<Row> batch = new ArrayList<>(batchSize);
        while (batch.size() < batchSize && rows.hasNext()) {
            batch.add(rows.next());
        }
        return batch;
    }

    /** The newest position any consumer could be given now. */
    public long head() {
        return stored.head();
    }

    /** The row as the public event it is told as, or null if it is not published or the filter leaves it out. */
    private PublicEvent toPublic(Row row, Filter filter, Map<String, String> creditorsOfBatch) {
        PublishedLanguage.Publication publication = PublishedLanguage.publicationOf(row.payloadType(), row.revision());
        if (publication == null || !filter.takes(publication.type(), row.debtId())) {
            return null;
        }
        JsonNode stored = null;
        if (publication.event() == DebtRegistered.class) {
            stored = read(row.payload());
            String creditor = creditorOf(stored);
            creditorsOfBatch.put(row.debtId(), creditor);
            creditors.put(row.debtId(), creditor);
        }
        String creditor = creditorsOfBatch.get(row.debtId());
        if (!filter.takesCreditor(creditor)) {
            return null;
        }
        if (stored == null) {
            stored = read(row.payload());
        }
        return new PublicEvent(row.eventId(), row.position(), row.debtId(), row.sequenceNumber(), publication.type(), 1,
                stored.path("date").stringValue(), RecordedAt.parse(row.recordedAt()), creditor,
                publication.payloadOf(stored, descriptions.publishedFor(creditor)));
    }

    /**
     * The creditors of the debts in a batch of rows that the filter may take: a debt registered in the batch has its
     * creditor put in as its registration is read; the others come from those remembered, or, for the debts not
     * remembered, from their registrations (sequence number 0), all in one query.
     */
    private Map<String, String> creditorsOf(List<Row> batch, Filter filter) {
        Map<String, String> known = new HashMap<>();
        Set<String> registeredInBatch = new HashSet<>();
        Set<String> unknown = new HashSet<>();
        for (Row row : batch) {
            PublishedLanguage.Publication publication = PublishedLanguage.publicationOf(row.payloadType(), row.revision());
            if (publication == null || !filter.takes(publication.type(), row.debtId())) {
                continue;
            }
            if (publication.event() == DebtRegistered.class) {
                registeredInBatch.add(row.debtId());
            } else if (!registeredInBatch.contains(row.debtId()) && !known.containsKey(row.debtId())) {
                String creditor = creditors.get(row.debtId());
                if (creditor != null) {
                    known.put(row.debtId(), creditor);
                } else {
                    unknown.add(row.debtId());
                }
            }
        }
        if (!unknown.isEmpty()) {
            stored.registrationsOf(unknown).forEach((debtId, registration) -> {
                String creditor = creditorOf(read(registration));
                known.put(debtId, creditor);
                creditors.put(debtId, creditor);
            });
        }
        return known;
    }

    private static JsonNode read(byte[] payload) {
        return JsonMapper.shared().readTree(payload);
    }

    private static String creditorOf(JsonNode registration) {
        return registration.path("creditorId").stringValue();
    }
}
