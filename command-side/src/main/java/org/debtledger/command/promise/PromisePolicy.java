package org.debtledger.command.promise;

import org.debtledger.command.debt.DebtChecks;
import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;
import org.debtledger.promise.MakePromiseToPay;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.promise.PromiseToPayMade;

import java.time.LocalDate;
import java.util.Optional;

import static org.debtledger.command.debt.RuleViolation.check;

/**
 * When a debtor may promise to pay, and when a promise is kept or broken. A promise is made on an open debt that is
 * neither disputed nor time-barred, with none other open, for a positive amount no more than is owed, for a day from
 * the day it is made to the policy's horizon. Payments valued up to the promised day and the policy's grace count
 * towards it with what reached the claim; it is kept when they reach the amount or settle the debt, and broken by the
 * first close of business after its last day. A rule that refuses throws its {@link RuleViolation}.
 *
 * @param open  the promise not yet kept or broken, or null
 * @param made  how many promises the debt has had: the next is one more
 * @param owed  what the debt owes now
 */
public record PromisePolicy(DebtId debtId, PromiseRules rules, OpenPromise open, int made, Money owed,
                            DebtChecks checks) {

    public PromiseToPayMade made(MakePromiseToPay command) {
        LocalDate date = command.date();
        checks.requireOpenOn(date);
        checks.requireNotDisputed("no promise to pay may be made while the debt is disputed");
        checks.requireNotTimeBarred(date);
        check(open == null, Rule.PROMISE_ALREADY_OPEN, open == null ? "" : "promise " + open.number() + " to pay "
                + open.amount() + " by " + open.promisedFor() + " is still open: one promise at a time");
        checks.requireOwnCurrency(command.amount());
        check(command.amount().isPositive(), Rule.AMOUNT_NOT_POSITIVE, "a promised amount must be more than zero");
        check(!command.amount().isGreaterThan(owed), Rule.PROMISE_EXCEEDS_BALANCE,
                "a promise of " + command.amount() + " is more than the " + owed + " owed");
        check(!command.promisedFor().isBefore(date), Rule.PROMISE_DAY_PASSED,
                "a promise cannot be made for " + command.promisedFor() + ", before " + date);
        LocalDate horizon = date.plusDays(rules.horizonDays());
        check(!command.promisedFor().isAfter(horizon), Rule.PROMISE_TOO_FAR_AHEAD,
                "a promise may be made at most " + rules.horizonDays() + " days ahead, until " + horizon);
        return new PromiseToPayMade(debtId, made + 1, command.amount(), command.promisedFor(),
                command.promisedFor().plusDays(rules.graceDays()), command.channel(), date);
    }

    /** After a payment valued on {@code valueDate} was applied: kept if enough has arrived or the debt is settled. */
    public Optional<PromiseKept> keptBy(LocalDate valueDate, boolean settled) {
        if (open == null || !open.counts(valueDate)) {
            return Optional.empty();
        }
        Money arrived = open.arrived();
        return arrived.compareTo(open.amount()) >= 0 || settled
                ? Optional.of(new PromiseKept(debtId, open.number(), open.amount(), arrived, valueDate))
                : Optional.empty();
    }

    /** Close of business on {@code date}: an open promise whose last day has passed is broken, with what arrived. */
    public Optional<PromiseBroken> brokenBy(LocalDate date) {
        return open != null && date.isAfter(open.countsThrough())
                ? Optional.of(new PromiseBroken(debtId, open.number(), open.amount(), open.arrived(), date))
                : Optional.empty();
    }
}
