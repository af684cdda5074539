package org.debtledger.command.rates;

import org.debtledger.command.store.EventTableQueries;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.interest.HalfYear;
import org.debtledger.interest.ReferenceRateCache;
import org.debtledger.interest.ReferenceRates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An operator adds the next half year's reference rate, or corrects one, by the {@link RateRule}s: one change at a
 * time across every process, each a new row, and this process's rates read again as soon as it is committed.
 */
@Service
class ReferenceRateChanges {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final StoredReferenceRates stored;
    private final EventTableQueries events;
    private final TransactionTemplate transaction;
    private final ReferenceRateCache cache;

    ReferenceRateChanges(StoredReferenceRates stored, EventTableQueries events, TransactionTemplate transaction,
                         ReferenceRateCache cache) {
        this.stored = stored;
        this.events = events;
        this.transaction = transaction;
        this.cache = cache;
    }

    enum Outcome { ADDED, CHANGED, UNCHANGED }

    /** A period's rate as an operator gives it: {@code percent} a plain decimal, {@code source} where it is published. */
    record Change(Jurisdiction jurisdiction, LocalDate periodStart, LocalDate until, BigDecimal percent,
                  String source, String recordedBy) {
    }

    Outcome record(Change change) {
        ReferenceRates.Period period = new ReferenceRates.Period(halfYear(change).first(), change.until(),
                basisPoints(change.percent()));
        Outcome outcome = transaction.execute(status -> {
            stored.lockForChange();
            return decide(change, period);
        });
        if (outcome != Outcome.UNCHANGED) {
            cache.changed();
        }
        return outcome;
    }

    private Outcome decide(Change change, ReferenceRates.Period period) {
        List<RecordedRate> inForce = stored.inForce(change.jurisdiction());
        Optional<RecordedRate> existing = inForce.stream()
                .filter(rate -> rate.periodStart().equals(period.from())).findFirst();
        if (existing.isEmpty()) {
            LocalDate next = inForce.isEmpty() ? period.from() : inForce.get(inForce.size() - 1).until().plusDays(1);
            if (!period.from().equals(next)) {
                throw new RateRefused(RateRule.PERIOD_NOT_NEXT, "periods follow each other without gap or overlap:"
                        + " the next one starts on " + next + ", not " + period.from());
            }
            stored.add(change.jurisdiction(), period, change.source(), change.recordedBy());
            return Outcome.ADDED;
        }
        RecordedRate current = existing.get();
        boolean rateChanges = current.referenceBasisPoints() != period.referenceBasisPoints();
        if (!rateChanges && current.source().equals(change.source())) {
            return Outcome.UNCHANGED;
        }
        if (rateChanges && events.interestPostedWithin(change.jurisdiction(), period.from(), period.through())) {
            throw new RateRefused(RateRule.REFERENCE_RATE_IN_USE, "interest was already posted with the rate of "
                    + HalfYear.of(period.from()) + " (" + ReferenceRateView.percent(current.referenceBasisPoints())
                    + " %), so it cannot change: the debts it was posted on would no longer agree with it");
        }
        stored.add(change.jurisdiction(), period, change.source(), change.recordedBy());
        return Outcome.CHANGED;
    }

    private static HalfYear halfYear(Change change) {
        return HalfYear.startingOn(change.periodStart())
                .filter(halfYear -> halfYear.last().equals(change.until()))
                .orElseThrow(() -> new RateRefused(RateRule.PERIOD_NOT_A_HALF_YEAR, "a period is a half year,"
                        + " 1 January to 30 June or 1 July to 31 December, not " + change.periodStart() + " to "
                        + change.until()));
    }

    private static int basisPoints(BigDecimal percent) {
        if (percent.scale() > 2) {
            throw new RateRefused(RateRule.REFERENCE_RATE_TOO_PRECISE, "a reference rate has at most two decimals, not "
                    + percent.toPlainString());
        }
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new RateRefused(RateRule.REFERENCE_RATE_OUT_OF_RANGE, "a reference rate is from 0 to 100 percent, not "
                    + percent.toPlainString());
        }
        return percent.movePointRight(2).intValueExact();
    }
}
