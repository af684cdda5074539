package org.debtledger.interest;

import org.debtledger.debt.DebtType;
import org.debtledger.debt.Jurisdiction;

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
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finnish late-payment interest by half year (Interest Act 633/1982): the reference rate plus 7 percentage
 * points for consumer debts (section 4) and plus 8 for business debts (section 4 a). The margins are the law's
 * and fixed here; the reference rates are data, kept by an operator in the ledger's database (the shipped table
 * below seeded it). A day outside the periods has no rate, never a guess.
 */
public final class ReferenceRates {

    /** The table shipped with the ledger: what the database was first seeded with, and what aggregate tests use. */
    public static final String FINLAND = "/policy/fi-reference-rates.csv";
    public static final int CONSUMER_MARGIN_BASIS_POINTS = 700;
    public static final int BUSINESS_MARGIN_BASIS_POINTS = 800;

    private final Jurisdiction jurisdiction;
    private final NavigableMap<LocalDate, Period> periodsByStart;

    private ReferenceRates(Jurisdiction jurisdiction, NavigableMap<LocalDate, Period> periodsByStart) {
        this.jurisdiction = jurisdiction;
        this.periodsByStart = periodsByStart;
    }

    /**
     * The rates of {@code periods}, which must follow each other without gap or overlap, in date order; none at
     * all is a table that knows no day yet.
     */
    public static ReferenceRates of(Jurisdiction jurisdiction, List<Period> periods) {
        NavigableMap<LocalDate, Period> byStart = new TreeMap<>();
        for (Period period : periods) {
            Map.Entry<LocalDate, Period> previous = byStart.lastEntry();
            if (previous != null && !previous.getValue().through().plusDays(1).equals(period.from())) {
                throw new IllegalStateException("reference rate periods must follow each other without gap or overlap: "
                        + previous.getValue().through() + " then " + period.from());
            }
            byStart.put(period.from(), period);
        }
        return new ReferenceRates(Objects.requireNonNull(jurisdiction, "jurisdiction"), byStart);
    }

    public static ReferenceRates finland() {
        try (InputStream csv = ReferenceRates.class.getResourceAsStream(FINLAND)) {
            return load(Objects.requireNonNull(csv, FINLAND + " is missing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code period_start,period_end,reference_rate_percent,late_interest_consumer_percent,late_interest_business_percent,...},
     * checking the late-interest columns against the law's margins.
     */
    public static ReferenceRates load(InputStream csv) throws IOException {
        List<Period> periods = new ArrayList<>();
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
            Period period = new Period(LocalDate.parse(cells[0]), LocalDate.parse(cells[1]), basisPoints(cells[2]));
            if (period.consumerBasisPoints() != basisPoints(cells[3])
                    || period.businessBasisPoints() != basisPoints(cells[4])) {
                throw new IllegalStateException("late interest from " + period.from()
                        + " is not the reference rate plus 7 (consumer) and 8 (business) percentage points");
            }
            periods.add(period);
        }
        if (periods.isEmpty()) {
            throw new IllegalStateException("reference rate table is empty");
        }
        return of(Jurisdiction.FI, periods);
    }

    private static int basisPoints(String percent) {
        return new BigDecimal(percent.trim()).movePointRight(2).intValueExact();
    }

    public Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    /** Every period, in date order. */
    public List<Period> periods() {
        return List.copyOf(periodsByStart.values());
    }

    /** The last day a rate is known for; empty while no period is. */
    public Optional<LocalDate> knownThrough() {
        return periodsByStart.isEmpty() ? Optional.empty() : Optional.of(periodsByStart.lastEntry().getValue().through());
    }

    /** The first day after the last period, where the next one must start; empty while no period is known. */
    public Optional<LocalDate> nextPeriodStart() {
        return knownThrough().map(last -> last.plusDays(1));
    }

    public Optional<Period> periodStarting(LocalDate from) {
        return Optional.ofNullable(periodsByStart.get(from));
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
                throw new NoReferenceRate(day, this);
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

    /** Days {@code from} through {@code through} at one reference rate, in basis points. */
    public record Period(LocalDate from, LocalDate through, int referenceBasisPoints) {

        public Period {
            if (through.isBefore(from)) {
                throw new IllegalStateException("reference rate period " + from + " ends before it starts");
            }
        }

        public int consumerBasisPoints() {
            return referenceBasisPoints + CONSUMER_MARGIN_BASIS_POINTS;
        }

        public int businessBasisPoints() {
            return referenceBasisPoints + BUSINESS_MARGIN_BASIS_POINTS;
        }
    }

    /**
     * No reference rate is known for a day: an operator must add its half year. The message names the day, its
     * half year and the request that adds the next missing one, so whoever reads a refusal knows what to do.
     */
    public static final class NoReferenceRate extends RuntimeException {
        private final LocalDate day;

        NoReferenceRate(LocalDate day, ReferenceRates rates) {
            super(describe(day, rates));
            this.day = day;
        }

        public LocalDate day() {
            return day;
        }

        private static String describe(LocalDate day, ReferenceRates rates) {
            String missing = "no reference rate is known for " + day + " (the half year " + HalfYear.of(day) + ")";
            Optional<LocalDate> first = rates.periodsByStart.isEmpty() ? Optional.empty()
                    : Optional.of(rates.periodsByStart.firstKey());
            if (first.isPresent() && day.isBefore(first.get())) {
                return missing + "; the rates begin on " + first.get() + " and none before it can be added";
            }
            LocalDate next = rates.nextPeriodStart().orElse(HalfYear.of(day).first());
            String put = "PUT /api/v1/reference-rates/" + rates.jurisdiction + "/" + next;
            if (next.equals(HalfYear.of(day).first())) {
                return missing + "; an operator adds it with " + put;
            }
            return missing + "; rates are known through " + next.minusDays(1) + ", so an operator adds each half year"
                    + " from " + next + " on, starting with " + put;
        }
    }
}
