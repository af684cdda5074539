package org.debtledger.command.dispute;

import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.debt.DebtChecks;
import org.debtledger.debt.DebtId;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeOutcome;
import org.debtledger.dispute.OpenDispute;
import org.debtledger.dispute.ResolveDispute;
import org.debtledger.money.Money;

import static org.debtledger.command.debt.RuleViolation.check;

/**
 * When a dispute may be opened and resolved: one at a time, and an upheld dispute may reduce the claim by no more
 * than its principal outstanding. A rule that refuses throws its {@link RuleViolation}.
 */
public record DisputePolicy(DebtId debtId, Money principalOutstanding, DebtChecks checks) {

    public DebtDisputed open(OpenDispute command) {
        checks.requireOpenOn(command.date());
        check(!checks.disputed(), Rule.DISPUTE_ALREADY_OPEN, "the debt is already disputed");
        return new DebtDisputed(debtId, command.reason(), command.date());
    }

    /** An upheld dispute without an adjustment writes the debt off; one with an adjustment reduces the principal. */
    public void requireResolvable(ResolveDispute command) {
        checks.requireOpenOn(command.date());
        check(checks.disputed(), Rule.NO_OPEN_DISPUTE, "the debt is not disputed");
        Money adjustment = command.adjustment();
        check(adjustment == null || command.outcome() == DisputeOutcome.UPHELD, Rule.ADJUSTMENT_ONLY_WHEN_UPHELD,
                "a rejected dispute changes nothing on the claim");
        if (adjustment != null) {
            checks.requireOwnCurrency(adjustment);
            check(adjustment.isPositive(), Rule.AMOUNT_NOT_POSITIVE, "an adjustment must be more than zero");
            check(!adjustment.isGreaterThan(principalOutstanding), Rule.ADJUSTMENT_EXCEEDS_PRINCIPAL,
                    "only " + principalOutstanding + " of principal is outstanding");
        }
    }
}
