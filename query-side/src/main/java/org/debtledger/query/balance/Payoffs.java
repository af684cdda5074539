package org.debtledger.query.balance;

import org.debtledger.debt.DebtStatus;
import org.debtledger.interest.LateInterest;
import org.debtledger.interest.ReferenceRateCache;
import org.debtledger.money.Money;
import org.debtledger.query.debt.DebtView;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * What settles a debt on a date: its balance plus the late interest accrued since the last posting, by the command
 * side's own interest calculation at the reference rates an operator keeps, skipping the days a pause or a kept plan
 * freezes. A date whose half year has no reference rate yet is refused ({@code REFERENCE_RATE_UNKNOWN}).
 */
@Component
public class Payoffs {

    private final ReferenceRateCache referenceRates;

    Payoffs(ReferenceRateCache referenceRates) {
        this.referenceRates = referenceRates;
    }

    /** What settles the debt on {@code date}: nothing for a closed debt. */
    public Money on(DebtView view, LocalDate date) {
        if (view.status() != DebtStatus.OPEN) {
            return Money.zero(view.credit().currency());
        }
        Money due = view.outstanding().total();
        LocalDate from = view.interestAccruedThrough().plusDays(1);
        if (!from.isAfter(date)) {
            due = due.plus(new LateInterest(referenceRates.get()).accrue(view.outstanding().principal(),
                    view.debtType(), from, date, view.interestFreezes().ranges()).amount());
        }
        return due;
    }
}
