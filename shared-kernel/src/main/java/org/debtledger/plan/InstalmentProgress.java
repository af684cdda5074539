package org.debtledger.plan;

import org.debtledger.money.Money;

import java.time.LocalDate;

/** An instalment of a plan: what is due, what has been paid of it, and whether it was missed. */
public record InstalmentProgress(LocalDate dueDate, Money amount, Money paid, boolean missed) {

    public Money unpaid() {
        return amount.minus(paid);
    }

    public boolean fullyPaid() {
        return !unpaid().isPositive();
    }

    InstalmentProgress plus(Money payment) {
        return new InstalmentProgress(dueDate, amount, paid.plus(payment), missed);
    }

    InstalmentProgress asMissed() {
        return new InstalmentProgress(dueDate, amount, paid, true);
    }
}
