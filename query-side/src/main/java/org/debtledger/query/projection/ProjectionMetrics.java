package org.debtledger.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * How far each read model is behind the event store, in positions ({@code ledger.projection.lag.events}) and in
 * seconds since the oldest event it has not applied was recorded ({@code ledger.projection.lag}), and how
 * many of its events wait in its dead-letter queue ({@code ledger.projection.dead.letters}). These take a few queries,
 * so they are read at most once in {@code ledger.metrics.cache-for}, however often the metrics are scraped.
 */
@Component
class ProjectionMetrics {

    /** How far one read model is behind. */
    record Lag(long events, double seconds) {
    }

    /** Every read model's lag and dead letters, as read at one moment. */
    record Figures(Map<String, Lag> lags, Map<String, Long> deadLetters) {
    }

    private final ReadPositions positions;
    private final StoredEvents events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CachedFor<Figures> figures;

    ProjectionMetrics(ReadPositions positions, StoredEvents events, JdbcClient jdbc, Clock clock,
                      MeterRegistry registry, @Value("${ledger.metrics.cache-for:5s}") Duration cacheFor) {
        this.positions = positions;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.figures = new CachedFor<>(cacheFor, this::read, System::nanoTime);
        for (String group : ProcessingGroups.ALL) {
            gauge(registry, "ledger.projection.lag.events", group, "Positions of the event store not yet applied",
                    read -> read.lags().get(group).events());
            Gauge.builder("ledger.projection.lag", figures, cached -> cached.get().lags().get(group).seconds())
                    .description("Seconds since the oldest event not yet applied was recorded; 0 when none is")
                    .baseUnit("seconds").tag("projection", group).register(registry);
            gauge(registry, "ledger.projection.dead.letters", group, "Events waiting in the dead-letter queue",
                    read -> read.deadLetters().getOrDefault(group, 0L));
        }
    }

    private void gauge(MeterRegistry registry, String name, String group, String description,
                       ToDoubleFunction<Figures> value) {
        Gauge.builder(name, figures, cached -> value.applyAsDouble(cached.get()))
                .description(description).tag("projection", group).register(registry);
    }

    private Figures read() {
        long head = events.head();
        Map<String, Lag> lags = new HashMap<>();
        for (String group : ProcessingGroups.ALL) {
            long reached = positions.reached(group);
            Optional<Instant> oldestNotApplied = reached < head
                    ? events.firstFrom(reached + 1).map(Map.Entry::getValue) : Optional.empty();
            lags.put(group, lag(head, reached, oldestNotApplied, clock.instant()));
        }
        Map<String, Long> deadLetters = new HashMap<>();
        jdbc.sql("SELECT processinggroup, count(*) FROM deadletterentry GROUP BY processinggroup")
                .query((row, n) -> deadLetters.put(row.getString(1), row.getLong(2))).list();
        return new Figures(lags, deadLetters);
    }

    /**
     * A read model that has applied every event through {@code reached} while the store holds {@code head}: the
     * positions between, and how long ago the oldest event among them was recorded.
     */
    static Lag lag(long head, long reached, Optional<Instant> oldestNotApplied, Instant now) {
        long behind = Math.max(0, head - reached);
        if (behind == 0 || oldestNotApplied.isEmpty()) {
            return new Lag(behind, 0);
        }
        return new Lag(behind, Math.max(0, Duration.between(oldestNotApplied.get(), now).toNanos() / 1e9));
    }
}
