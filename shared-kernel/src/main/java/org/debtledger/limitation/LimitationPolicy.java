package org.debtledger.limitation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.debtledger.debt.DebtType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When a claim becomes time-barred: a number of years after the due date or the last act that restarted it,
 * and never later than a final number of years after it first fell due. Read from {@code policy/fi-limitation.json}
 * and checked at start-up; the command side bars debts with it and the query side shows the date with it.
 */
public final class LimitationPolicy {

    public static final String FINLAND = "/policy/fi-limitation.json";

    /** The acts a policy may name as restarting limitation. */
    public enum Restart { PAYMENT, PLAN_AGREED, DEMAND }

    private record Periods(int years, int finalYears) {
    }

    private final Set<Restart> restartedBy;
    private final Map<DebtType, Periods> periods;
    private final int announcedDaysBefore;

    private LimitationPolicy(Set<Restart> restartedBy, Map<DebtType, Periods> periods, int announcedDaysBefore) {
        this.restartedBy = restartedBy;
        this.periods = periods;
        this.announcedDaysBefore = announcedDaysBefore;
    }

    public static LimitationPolicy finland() {
        try (InputStream json = LimitationPolicy.class.getResourceAsStream(FINLAND)) {
            return load(new ObjectMapper().readTree(Objects.requireNonNull(json, FINLAND + " is missing")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LimitationPolicy load(JsonNode root) {
        Set<Restart> restartedBy = EnumSet.noneOf(Restart.class);
        root.path("restartedBy").forEach(name -> restartedBy.add(Restart.valueOf(name.asText())));
        Map<DebtType, Periods> periods = new EnumMap<>(DebtType.class);
        for (DebtType type : DebtType.values()) {
            JsonNode node = root.path("debtTypes").path(type.name());
            int years = node.path("years").asInt(0);
            int finalYears = node.path("finalYears").asInt(0);
            if (years < 1 || finalYears < years) {
                throw new IllegalStateException(FINLAND + ": " + type + " needs years of at least 1 and finalYears of"
                        + " at least as many");
            }
            periods.put(type, new Periods(years, finalYears));
        }
        int announced = root.path("announcedDaysBefore").asInt(-1);
        if (announced < 0) {
            throw new IllegalStateException(FINLAND + ": announcedDaysBefore is missing");
        }
        return new LimitationPolicy(restartedBy, periods, announced);
    }

    /** How many days before its limitation date close of business announces a claim's, so an advisor can act. */
    public int announcedDaysBefore() {
        return announcedDaysBefore;
    }

    /**
     * The last day on which the claim can still be collected or its limitation restarted: time-barred from the
     * day after. A year later on the same day of the month; from 29 February, on 28 February.
     */
    public LocalDate limitationDate(DebtType type, LimitationClock clock) {
        Periods period = periods.get(type);
        LocalDate from = clock.dueDate();
        for (Restart restart : restartedBy) {
            LocalDate last = clock.last(restart);
            if (last != null && last.isAfter(from)) {
                from = last;
            }
        }
        LocalDate limitation = from.plusYears(period.years());
        LocalDate last = clock.firstDueDate().plusYears(period.finalYears());
        return limitation.isAfter(last) ? last : limitation;
    }
}
