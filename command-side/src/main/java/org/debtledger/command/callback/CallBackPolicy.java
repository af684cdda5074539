package org.debtledger.command.callback;

import org.debtledger.callback.CallBackRequested;
import org.debtledger.callback.RequestCallBack;
import org.debtledger.command.debt.DebtChecks;
import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.debt.DebtId;

import static org.debtledger.command.debt.RuleViolation.check;

/**
 * When a debtor may ask to be called back: on an open debt, on a day from the day asked to {@link #DAYS_AHEAD} days
 * after it, within a window that ends after it starts. A rule that refuses throws its {@link RuleViolation}.
 */
public record CallBackPolicy(DebtId debtId, DebtChecks checks) {

    /** How far ahead a call-back may be booked: advisors plan their calls a month ahead. */
    public static final int DAYS_AHEAD = 30;

    public CallBackRequested requested(RequestCallBack command) {
        checks.requireOpenOn(command.date());
        check(!command.on().isBefore(command.date()), Rule.CALL_BACK_DAY_PASSED,
                "a call-back cannot be booked for " + command.on() + ", before " + command.date());
        check(!command.on().isAfter(command.date().plusDays(DAYS_AHEAD)), Rule.CALL_BACK_TOO_FAR_AHEAD,
                "a call-back can be booked at most " + DAYS_AHEAD + " days ahead, until "
                        + command.date().plusDays(DAYS_AHEAD));
        check(command.from().isBefore(command.to()), Rule.CALL_BACK_WINDOW_EMPTY,
                "the window from " + command.from() + " to " + command.to() + " must end after it starts");
        return new CallBackRequested(debtId, command.on(), command.from(), command.to(), command.date());
    }
}
