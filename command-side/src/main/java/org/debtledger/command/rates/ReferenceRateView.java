package org.debtledger.command.rates;

import org.debtledger.debt.Jurisdiction;
import org.debtledger.interest.ReferenceRates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A jurisdiction's reference rates as the API shows them: each period with its rate, the late interest it gives
 * (the law's margins added), its source, who recorded it when, and the values it had before, oldest first.
 */
record ReferenceRateView(Jurisdiction jurisdiction, Rates margins, List<PeriodView> periods,
                         LocalDate nextPeriodStart) {

    /** Percentages as plain decimals with two places, as an operator gives them: {@code "2.50"}. */
    record Rates(String consumer, String business) {
    }

    record PeriodView(LocalDate periodStart, LocalDate until, String referenceRate, Rates lateInterest,
                      String source, String recordedBy, Instant recordedAt, List<Value> earlier) {
    }

    record Value(String referenceRate, String source, String recordedBy, Instant recordedAt) {
    }

    /** From every value of every period, by period and in the order recorded, as the store gives them. */
    static ReferenceRateView of(Jurisdiction jurisdiction, List<RecordedRate> everyValue) {
        List<PeriodView> periods = new ArrayList<>();
        List<Value> earlier = new ArrayList<>();
        for (int i = 0; i < everyValue.size(); i++) {
            RecordedRate value = everyValue.get(i);
            boolean newest = i + 1 == everyValue.size()
                    || !everyValue.get(i + 1).periodStart().equals(value.periodStart());
            if (!newest) {
                earlier.add(new Value(percent(value.referenceBasisPoints()), value.source(), value.recordedBy(),
                        value.recordedAt()));
                continue;
            }
            ReferenceRates.Period period = value.period();
            periods.add(new PeriodView(value.periodStart(), value.until(), percent(value.referenceBasisPoints()),
                    new Rates(percent(period.consumerBasisPoints()), percent(period.businessBasisPoints())),
                    value.source(), value.recordedBy(), value.recordedAt(), List.copyOf(earlier)));
            earlier.clear();
        }
        LocalDate next = periods.isEmpty() ? null : periods.get(periods.size() - 1).until().plusDays(1);
        return new ReferenceRateView(jurisdiction, new Rates(percent(ReferenceRates.CONSUMER_MARGIN_BASIS_POINTS),
                percent(ReferenceRates.BUSINESS_MARGIN_BASIS_POINTS)), periods, next);
    }

    static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).toPlainString();
    }
}
