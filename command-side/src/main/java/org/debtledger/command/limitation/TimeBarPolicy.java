package org.debtledger.command.limitation;

import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtType;
import org.debtledger.limitation.DebtTimeBarred;
import org.debtledger.limitation.LimitationApproaching;
import org.debtledger.limitation.LimitationClock;
import org.debtledger.limitation.LimitationPolicy;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a debt's claim is time-barred, and when close of business announces that it soon will be.
 *
 * @param clock      what the limitation date is computed from
 * @param announced  the limitation date close of business last announced, null before any
 * @param timeBarred the claim was time-barred, after which nothing restarts it
 */
public record TimeBarPolicy(DebtId debtId, DebtType debtType, LimitationClock clock, LocalDate announced,
                            boolean timeBarred, LimitationPolicy rules) {

    /** The last day on which the claim can still be collected or its limitation restarted. */
    public LocalDate limitationDate() {
        return rules.limitationDate(debtType, clock);
    }

    /**
     * Close of business on {@code date}: the claim is time-barred once its limitation date has passed without a
     * restart, and its limitation date is announced once, some days before it.
     */
    public Optional<DebtEvent> closeOfBusiness(LocalDate date) {
        if (timeBarred) {
            return Optional.empty();
        }
        LocalDate limitationDate = limitationDate();
        if (date.isAfter(limitationDate)) {
            return Optional.of(new DebtTimeBarred(debtId, limitationDate, date));
        }
        if (!date.isBefore(limitationDate.minusDays(rules.announcedDaysBefore()))
                && !limitationDate.equals(announced)) {
            return Optional.of(new LimitationApproaching(debtId, limitationDate, date));
        }
        return Optional.empty();
    }
}
