package org.debtledger.interest;

import org.debtledger.debt.DebtType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Finnish late-payment interest by half year (Interest Act 633/1982): the reference rate plus 7 percentage
 * points for consumer debts (section 4) and plus 8 for business debts (section 4 a). Loaded from a dated
 * table and checked against those margins at start-up; a day outside the table has no rate, never a guess.
 */
public final class ReferenceRates {

    public static final String FINLAND = "/policy/fi-reference-rates.csv";
    static final int CONSUMER_MARGIN_BASIS_POINTS = 700;
    static final int BUSINESS_MARGIN_BASIS_POINTS = 800;

    private final NavigableMap<LocalDate, Period> periodsByStart;

    private ReferenceRates(NavigableMap<LocalDate, Period> periodsByStart) {
        this.periodsByStart = periodsByStart;
    }

    public static ReferenceRates finland() {
        try (InputStream csv = ReferenceRates.class.getResourceAsStream(FINLAND)) {
            return load(Objects.requireNonNull(csv, FINLAND + " is missing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code period_start,period_end,reference_rate_percent,late_interest_consumer_percent,late_interest_business_percent,...}. */
    public static ReferenceRates load(InputStream csv) throws IOException {
        NavigableMap<LocalDate, Period> periods = new TreeMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.startsWith("period_start,period_end,reference_rate_percent,")) {
            throw new IllegalStateException("reference rate table has an unexpected header: " + header);
        }
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", 6);
            Period period = new Period(LocalDate.parse(cells[0]), LocalDate.parse(cells[1]),
                    basisPoints(cells[2]), basisPoints(cells[3]), basisPoints(cells[4]));
            period.check();
            Map.Entry<LocalDate, Period> previous = periods.lastEntry();
            if (previous != null && !previous.getValue().through().plusDays(1).equals(period.from())) {
                throw new IllegalStateException("reference rate periods must follow each other without gap or overlap: "
                        + previous.getValue().through() + " then " + period.from());
            }
            periods.put(period.from(), period);
        }
        if (periods.isEmpty()) {
            throw new IllegalStateException("reference rate table is empty");
        }
        return new ReferenceRates(periods);
    }

    private static int basisPoints(String percent) {
        return new BigDecimal(percent.trim()).movePointRight(2).intValueExact();
    }

    /** Days {@code from} through {@code through} at one annual late-interest rate, in basis points. */
    public record RatedDays(LocalDate from, LocalDate through, int basisPoints) {
    }

    /**
     * The rates over {@code from} through {@code through}, one entry per half year the span touches, so a span of
     * any length costs as many steps as it has rate periods; the first day with no known rate is refused.
     */
    public List<RatedDays> over(LocalDate from, LocalDate through, DebtType type) {
        List<RatedDays> rated = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(through)) {
            Map.Entry<LocalDate, Period> entry = periodsByStart.floorEntry(day);
            if (entry == null || day.isAfter(entry.getValue().through())) {
                throw new NoReferenceRate(day);
            }
            Period period = entry.getValue();
            LocalDate last = period.through().isBefore(through) ? period.through() : through;
            rated.add(new RatedDays(day, last, type == DebtType.BUSINESS ? period.businessBasisPoints()
                    : period.consumerBasisPoints()));
            if (!last.isBefore(through)) {
                break;
            }
            day = last.plusDays(1);
        }
        return rated;
    }

    private record Period(LocalDate from, LocalDate through, int referenceBasisPoints, int consumerBasisPoints,
                          int businessBasisPoints) {

        void check() {
            if (through.isBefore(from)) {
                throw new IllegalStateException("reference rate period " + from + " ends before it starts");
            }
            if (consumerBasisPoints != referenceBasisPoints + CONSUMER_MARGIN_BASIS_POINTS
                    || businessBasisPoints != referenceBasisPoints + BUSINESS_MARGIN_BASIS_POINTS) {
                throw new IllegalStateException("late interest from " + from
                        + " is not the reference rate plus 7 (consumer) and 8 (business) percentage points");
            }
        }
    }

    /** No reference rate is known for a day: an operator must add it to the table. */
    public static final class NoReferenceRate extends RuntimeException {
        private final LocalDate day;

        public NoReferenceRate(LocalDate day) {
            super("no reference rate is known for " + day + "; add its half year to the reference rate table");
            this.day = day;
        }

        public LocalDate day() {
            return day;
        }
    }
}
