package org.debtledger.command.rates;

import org.debtledger.command.calendar.BusinessDates;
import org.debtledger.interest.HalfYear;
import org.debtledger.interest.ReferenceRateCache;
import org.debtledger.interest.ReferenceRates;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code referenceRates} in the health endpoint: the half years that have begun, or begin within 30 days, with no
 * reference rate, and the request that adds each. The ledger stays UP meanwhile (it still takes payments and
 * quotes what it can), but interest over such a day is refused until an operator adds the rate.
 */
@Component("referenceRatesHealthIndicator")
class ReferenceRateHealth implements HealthIndicator {

    static final int WARNING_DAYS = 30;

    private final ReferenceRateCache rates;
    private final BusinessDates businessDates;

    ReferenceRateHealth(ReferenceRateCache rates, BusinessDates businessDates) {
        this.rates = rates;
        this.businessDates = businessDates;
    }

    @Override
    public Health health() {
        LocalDate today = businessDates.today();
        ReferenceRates known = rates.get();
        List<Map<String, Object>> missing = new ArrayList<>();
        for (HalfYear halfYear : missing(known, today)) {
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("from", halfYear.first().toString());
            period.put("until", halfYear.last().toString());
            period.put("begun", !halfYear.first().isAfter(today));
            period.put("add", "PUT /api/v1/reference-rates/" + known.jurisdiction() + "/" + halfYear.first());
            missing.add(period);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("today", today.toString());
        details.put("knownThrough", known.knownThrough().map(LocalDate::toString).orElse(null));
        details.put("missing", missing);
        return Health.up().withDetail(known.jurisdiction().name(), details).build();
    }

    /** The half years after the last known one that begin by {@link #WARNING_DAYS} days from today. */
    static List<HalfYear> missing(ReferenceRates known, LocalDate today) {
        LocalDate horizon = today.plusDays(WARNING_DAYS);
        List<HalfYear> missing = new ArrayList<>();
        HalfYear next = HalfYear.of(known.nextPeriodStart().orElse(today));
        while (!next.first().isAfter(horizon)) {
            missing.add(next);
            next = next.next();
        }
        return missing;
    }
}
