package org.debtledger.command.interest;

import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtType;
import org.debtledger.interest.InterestFreezes;
import org.debtledger.interest.InterestPosted;
import org.debtledger.interest.LateInterest;
import org.debtledger.interest.ReferenceRates;
import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The late interest a debt has earned and not yet had posted: it accrues from the day after
 * {@code accruedThrough}, except on the days its freezes cover.
 */
public record InterestDue(DebtId debtId, DebtType debtType, LocalDate accruedThrough, InterestFreezes freezes,
                          LateInterest lateInterest) {

    /** The interest on {@code principal} from the last posting through {@code date}, as the event that posts it. */
    public Optional<InterestPosted> through(LocalDate date, Money principal) {
        if (!date.isAfter(accruedThrough)) {
            return Optional.empty();
        }
        LocalDate from = accruedThrough.plusDays(1);
        try {
            LateInterest.Accrual accrual = lateInterest.accrue(principal, debtType, from, date, freezes.ranges());
            return accrual.amount().isPositive()
                    ? Optional.of(new InterestPosted(debtId, accrual.amount(), from, accrual.segments(), date))
                    : Optional.empty();
        } catch (ReferenceRates.NoReferenceRate e) {
            throw new RuleViolation(Rule.REFERENCE_RATE_UNKNOWN, e.getMessage());
        }
    }

    /**
     * Interest already posted past a reversed payment's value date was computed on a principal the payment had
     * reduced: the principal it paid earns that interest again.
     */
    public Optional<InterestPosted> earnedAgain(Money principal, LocalDate valueDate) {
        if (!accruedThrough.isAfter(valueDate)) {
            return Optional.empty();
        }
        LateInterest.Accrual accrual = lateInterest.accrue(principal, debtType, valueDate.plusDays(1), accruedThrough,
                freezes.ranges());
        return accrual.amount().isPositive()
                ? Optional.of(new InterestPosted(debtId, accrual.amount(), valueDate.plusDays(1), accrual.segments(),
                        accruedThrough))
                : Optional.empty();
    }
}
