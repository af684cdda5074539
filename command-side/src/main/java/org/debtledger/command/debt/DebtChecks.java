package org.debtledger.command.debt;

import org.debtledger.command.pause.Pause;
import org.debtledger.debt.DebtStatus;
import org.debtledger.money.Money;
import org.debtledger.pause.Freeze;

import java.time.LocalDate;
import java.util.Currency;

import static org.debtledger.command.debt.RuleViolation.check;

/**
 * The checks every feature's rules share, on what they need of the debt: open or closed, registered when, disputed,
 * time-barred or when it will be, paused, and in which currency.
 */
public record DebtChecks(DebtStatus status, LocalDate registeredOn, Currency currency, boolean disputed,
                       boolean timeBarred, LocalDate limitationDate, Pause pause) {

    /** Only an open debt is collected, and nothing happens to it before it was registered. */
    public void requireOpenOn(LocalDate date) {
        check(status == DebtStatus.OPEN, Rule.DEBT_CLOSED, "the debt is " + status.name().toLowerCase()
                .replace('_', ' ') + ": nothing but reversals and refunds may follow");
        requireRegisteredBy(date);
    }

    public void requireRegisteredBy(LocalDate date) {
        check(!date.isBefore(registeredOn), Rule.DATE_BEFORE_REGISTRATION,
                "the date " + date + " is before the debt was registered on " + registeredOn);
    }

    /** {@code refusal} says what may not happen: "no fee may be charged while the debt is disputed". */
    public void requireNotDisputed(String refusal) {
        check(!disputed, Rule.DEBT_DISPUTED, refusal);
    }

    /** Nothing collects a claim after its limitation date, whether or not close of business has recorded it. */
    public void requireNotTimeBarred(LocalDate date) {
        check(!timeBarred && !date.isAfter(limitationDate), Rule.DEBT_TIME_BARRED, "the claim was time-barred after "
                + limitationDate + ": it may no longer be collected; a payment the debtor makes is still recorded");
    }

    public void requireFeesNotFrozenOn(LocalDate date) {
        check(!feesFrozenOn(date), Rule.FEES_FROZEN_BY_PAUSE, "fees are frozen while collection is paused for "
                + (pause == null ? null : pause.reason()));
    }

    public boolean feesFrozenOn(LocalDate date) {
        return pause != null && pause.freezesOn(Freeze.FEES, date);
    }

    public void requireOwnCurrency(Money amount) {
        check(amount.hasCurrency(currency), Rule.CURRENCY_MISMATCH,
                "the debt is in " + currency + ", not " + amount.currency());
    }

    public Money zero() {
        return Money.zero(currency);
    }
}
