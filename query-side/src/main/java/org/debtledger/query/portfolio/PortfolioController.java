package org.debtledger.query.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ReadPositions;
import org.debtledger.query.queue.WorkType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.debtledger.query.projection.ProjectionVersions.active;

/**
 * The numbers behind the portfolio's charts: open balances by age, what each month's registrations have recovered
 * month by month, plans agreed, completed and broken by month, promises to pay made, kept and broken by month, and
 * the advisor queue's size by type day by day.
 * Amounts are in minor units of their currency; every range is bounded.
 */
@RestController
class PortfolioController {

    static final List<String> BUCKETS = List.of("0-30", "31-90", "91-180", "181-365", "over 365");
    private static final int MAX_MONTHS = 36;
    private static final int MAX_DAYS = 400;
    private static final int CURVE_MONTHS = 24;

    private final JdbcClient jdbc;
    private final ReadPositions positions;
    private final Clock clock;
    private final TransactionTemplate snapshot;

    PortfolioController(JdbcClient jdbc, ReadPositions positions, Clock clock,
                        PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    record AgeingRow(String creditorId, String currency, long[] debts, long[] outstandingMinor) {
    }

    record Ageing(LocalDate asOf, List<String> buckets, List<AgeingRow> creditors, List<AgeingRow> totals) {
    }

    /**
     * Open debts' outstanding totals by days past their due date on {@code asOf}, by creditor and currency: straight
     * from the debt view (one aggregate), so balances are today's, aged to {@code asOf}; debts registered after it
     * are left out.
     */
    @Operation(summary = "Open balances by days past due")
    @GetMapping("/api/v1/portfolio/ageing")
    ResponseEntity<Ageing> ageing(@RequestParam(required = false) LocalDate asOf,
                                  @RequestParam(required = false) Long minPosition) {
        long reached = positions.awaitAtLeast(ProcessingGroups.DEBTS, minPosition);
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        Map<String, AgeingRow> creditors = new TreeMap<>();
        Map<String, AgeingRow> totals = new TreeMap<>();
        jdbc.sql("SELECT creditor_id, view -> 'outstanding' -> 'total' ->> 'currency',"
                        + " CASE WHEN days <= 30 THEN 0 WHEN days <= 90 THEN 1 WHEN days <= 180 THEN 2"
                        + " WHEN days <= 365 THEN 3 ELSE 4 END AS bucket, count(*),"
                        + " sum(CAST(view -> 'outstanding' -> 'total' ->> 'amount' AS NUMERIC))"
                        + " FROM (SELECT creditor_id, view,"
                        + " CAST(:asOf AS DATE) - CAST(view ->> 'dueDate' AS DATE) AS days"
                        + " FROM " + active("debt_view") + " WHERE status = 'OPEN'"
                        + " AND CAST(view -> 'outstanding' -> 'total' ->> 'amount' AS NUMERIC) > 0"
                        + " AND CAST(view ->> 'registeredOn' AS DATE) <= :asOf) aged GROUP BY 1, 2, 3")
                .param("asOf", day)
                .query(row -> {
                    String creditor = row.getString(1);
                    String currency = row.getString(2);
                    int bucket = row.getInt(3);
                    long debts = row.getLong(4);
                    long minor = row.getBigDecimal(5)
                            .movePointRight(Currency.getInstance(currency).getDefaultFractionDigits()).longValueExact();
                    for (AgeingRow target : List.of(creditors.computeIfAbsent(creditor + " " + currency,
                                    key -> new AgeingRow(creditor, currency, new long[5], new long[5])),
                            totals.computeIfAbsent(currency, key -> new AgeingRow(null, currency, new long[5],
                                    new long[5])))) {
                        target.debts()[bucket] += debts;
                        target.outstandingMinor()[bucket] += minor;
                    }
                });
        return ResponseEntity.ok().header("X-Read-Position", Long.toString(reached))
                .body(new Ageing(day, BUCKETS, List.copyOf(creditors.values()), List.copyOf(totals.values())));
    }

    record CurvePoint(int month, long collectedMinor, String share) {
    }

    record Cohort(YearMonth registrationMonth, String currency, long debts, long placedMinor, List<CurvePoint> months) {
    }

    record Recovery(YearMonth from, YearMonth to, List<Cohort> cohorts) {
    }

    /**
     * For each month debts were registered in and each currency: the principal placed, and what had been collected of
     * it (payments less reversals) by the end of each month since, up to {@value #CURVE_MONTHS} or this month.
     */
    @Operation(summary = "The share of placed principal recovered, by month of registration")
    @GetMapping("/api/v1/portfolio/recovery")
    ResponseEntity<Recovery> recovery(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) Long minPosition) {
        Months range = Months.of(from, to, clock);
        YearMonth first = range.first();
        YearMonth last = range.last();
        long reached = positions.awaitAtLeast(ProcessingGroups.PORTFOLIO, minPosition);
        Map<String, long[]> placed = new TreeMap<>();
        Map<String, Map<Integer, Long>> collected = new HashMap<>();
        snapshot.executeWithoutResult(tx -> {
            jdbc.sql("SELECT to_char(registered_on, 'YYYY-MM') || ' ' || currency, count(*), sum(principal_minor)"
                            + " FROM " + active("portfolio_debt")
                            + " WHERE registered_on >= :from AND registered_on < :until GROUP BY 1")
                    .param("from", first.atDay(1)).param("until", last.plusMonths(1).atDay(1))
                    .query(row -> {
                        placed.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3)});
                    });
            jdbc.sql("SELECT to_char(d.registered_on, 'YYYY-MM') || ' ' || d.currency, c.month_index,"
                            + " sum(c.collected_minor) FROM " + active("portfolio_debt") + " d JOIN "
                            + active("portfolio_collection") + " c ON c.debt_id = d.debt_id"
                            + " WHERE d.registered_on >= :from AND d.registered_on < :until"
                            + " AND c.month_index <= :months GROUP BY 1, 2")
                    .param("from", first.atDay(1)).param("until", last.plusMonths(1).atDay(1))
                    .param("months", CURVE_MONTHS)
                    .query(row -> {
                        collected.computeIfAbsent(row.getString(1), key -> new HashMap<>())
                                .put(row.getInt(2), row.getLong(3));
                    });
        });
        YearMonth now = YearMonth.now(clock);
        List<Cohort> cohorts = new ArrayList<>();
        placed.forEach((key, debtsAndPlaced) -> {
            YearMonth month = YearMonth.parse(key.substring(0, 7));
            long elapsed = Math.min(CURVE_MONTHS, Math.max(0, ChronoUnit.MONTHS.between(month, now)));
            List<CurvePoint> curve = new ArrayList<>();
            long sum = 0;
            for (int i = 0; i <= elapsed; i++) {
                sum += collected.getOrDefault(key, Map.of()).getOrDefault(i, 0L);
                curve.add(new CurvePoint(i, sum, share(sum, debtsAndPlaced[1])));
            }
            cohorts.add(new Cohort(month, key.substring(8), debtsAndPlaced[0], debtsAndPlaced[1], curve));
        });
        return ResponseEntity.ok().header("X-Read-Position", Long.toString(reached))
                .body(new Recovery(first, last, cohorts));
    }

    /** {@code part} of {@code whole} with 4 decimals, rounded half up; 0 of nothing placed. */
    static String share(long part, long whole) {
        return whole == 0 ? "0.0000"
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).toPlainString();
    }

    record PlanMonth(YearMonth month, long agreed, long completed, long broken) {
    }

    record Plans(YearMonth from, YearMonth to, List<PlanMonth> months) {
    }

    /** By month: plans agreed, plans completed (every instalment paid) and plans broken, each on its own day. */
    @Operation(summary = "Plans agreed, completed and broken by month")
    @GetMapping("/api/v1/portfolio/plans")
    ResponseEntity<Plans> plans(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) Long minPosition) {
        Months range = Months.of(from, to, clock);
        YearMonth first = range.first();
        YearMonth last = range.last();
        long reached = positions.awaitAtLeast(ProcessingGroups.PORTFOLIO, minPosition);
        Map<String, long[]> counts = countedByMonth("portfolio_plan", List.of("agreed_on", "completed_on", "broken_on"),
                first, last);
        List<PlanMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            long[] count = counts.getOrDefault(month.toString(), new long[3]);
            months.add(new PlanMonth(month, count[0], count[1], count[2]));
        }
        return ResponseEntity.ok().header("X-Read-Position", Long.toString(reached))
                .body(new Plans(first, last, months));
    }

    /** {@code keptShare}: of the promises kept or broken in the month, the share kept; null when there were none. */
    record PromiseMonth(YearMonth month, long made, long kept, long broken, String keptShare) {
    }

    record Promises(YearMonth from, YearMonth to, List<PromiseMonth> months) {
    }

    /**
     * By month: promises to pay made, kept and broken, each on its own day, and the share of those that came due in
     * the month (kept or broken) that were kept.
     */
    @Operation(summary = "Promises to pay made, kept and broken by month")
    @GetMapping("/api/v1/portfolio/promises")
    ResponseEntity<Promises> promises(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) Long minPosition) {
        Months range = Months.of(from, to, clock);
        YearMonth first = range.first();
        YearMonth last = range.last();
        long reached = positions.awaitAtLeast(ProcessingGroups.PORTFOLIO, minPosition);
        Map<String, long[]> counts = countedByMonth("portfolio_promise", List.of("made_on", "kept_on", "broken_on"),
                first, last);
        List<PromiseMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            long[] count = counts.getOrDefault(month.toString(), new long[3]);
            long due = count[1] + count[2];
            months.add(new PromiseMonth(month, count[0], count[1], count[2], due == 0 ? null : share(count[1], due)));
        }
        return ResponseEntity.ok().header("X-Read-Position", Long.toString(reached))
                .body(new Promises(first, last, months));
    }

    /**
     * For each month from {@code first} to {@code last} (as YYYY-MM) with any, how many rows of the model's active
     * {@code table} have each of the {@code days} columns in it, in the columns' order. Names are constants.
     */
    private Map<String, long[]> countedByMonth(String table, List<String> days, YearMonth first, YearMonth last) {
        List<String> kinds = new ArrayList<>();
        for (int kind = 0; kind < days.size(); kind++) {
            kinds.add("SELECT " + days.get(kind) + " AS day, " + kind + " AS kind FROM " + active(table));
        }
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("SELECT to_char(day, 'YYYY-MM'), kind, count(*) FROM (" + String.join(" UNION ALL ", kinds)
                        + ") days WHERE day >= :from AND day < :until GROUP BY 1, 2")
                .param("from", first.atDay(1)).param("until", last.plusMonths(1).atDay(1))
                .query(row -> {
                    counts.computeIfAbsent(row.getString(1), key -> new long[days.size()])[row.getInt(2)]
                            = row.getLong(3);
                });
        return counts;
    }

    record QueueDay(LocalDate date, Map<String, Long> open, long total) {
    }

    record Queue(LocalDate from, LocalDate to, List<QueueDay> days) {
    }

    /**
     * The open items of the advisor queue by type at the end of each day, counted from the day each became visible,
     * from the history of its items' changes as the queue's fold records them.
     */
    @Operation(summary = "The advisor queue's work raised and closed by day")
    @GetMapping("/api/v1/portfolio/queue")
    ResponseEntity<Queue> queue(@RequestParam(required = false) LocalDate from,
                                @RequestParam(required = false) LocalDate to,
                                @RequestParam(required = false) Long minPosition) {
        LocalDate last = to != null ? to : LocalDate.now(clock);
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new IllegalArgumentException("from must not be after to, and a range is at most " + MAX_DAYS
                    + " days");
        }
        long reached = positions.awaitAtLeast(ProcessingGroups.ADVISOR_QUEUE, minPosition);
        Map<LocalDate, Map<String, Long>> open = new HashMap<>();
        jdbc.sql("WITH spans AS (SELECT type, open, greatest(business_date, visible_from) AS from_day,"
                        + " lead(business_date) OVER (PARTITION BY item_id ORDER BY position) AS to_day"
                        + " FROM " + active("work_item_change") + " WHERE business_date <= :to)"
                        + " SELECT CAST(day AS DATE), type, count(*)"
                        + " FROM generate_series(CAST(:from AS DATE), CAST(:to AS DATE), interval '1 day') AS day"
                        + " JOIN spans ON spans.open AND spans.from_day <= day AND (spans.to_day IS NULL"
                        + " OR spans.to_day > day) GROUP BY 1, 2")
                .param("from", first).param("to", last)
                .query(row -> {
                    open.computeIfAbsent(row.getObject(1, LocalDate.class), key -> new HashMap<>())
                            .put(row.getString(2), row.getLong(3));
                });
        List<QueueDay> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Map<String, Long> byType = new LinkedHashMap<>();
            for (WorkType type : WorkType.values()) {
                byType.put(type.name(), open.getOrDefault(day, Map.of()).getOrDefault(type.name(), 0L));
            }
            days.add(new QueueDay(day, byType, byType.values().stream().mapToLong(Long::longValue).sum()));
        }
        return ResponseEntity.ok().header("X-Read-Position", Long.toString(reached))
                .body(new Queue(first, last, days));
    }

    private static YearMonth month(String name, String value, YearMonth otherwise) {
        try {
            return value == null ? otherwise : YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is a month, YYYY-MM");
        }
    }

    /** A range of months asked for as {@code from} and {@code to} (YYYY-MM): by default the 12 up to this one. */
    record Months(YearMonth first, YearMonth last) {

        static Months of(String from, String to, Clock clock) {
            YearMonth last = month("to", to, YearMonth.now(clock));
            YearMonth first = month("from", from, last.minusMonths(11));
            if (first.isAfter(last) || ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
                throw new IllegalArgumentException("from must not be after to, and a range is at most " + MAX_MONTHS
                        + " months");
            }
            return new Months(first, last);
        }
    }
}
