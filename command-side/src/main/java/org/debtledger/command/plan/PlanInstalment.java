package org.debtledger.command.plan;

import org.debtledger.money.Money;

import java.time.LocalDate;

/** An instalment of the plan in force: what is due, what has been paid of it, and whether it was missed. */
public record PlanInstalment(LocalDate dueDate, Money amount, Money paid, boolean missed) {

    public Money unpaid() {
        return amount.minus(paid);
    }

    public boolean fullyPaid() {
        return !unpaid().isPositive();
    }

    PlanInstalment plus(Money payment) {
        return new PlanInstalment(dueDate, amount, paid.plus(payment), missed);
    }

    PlanInstalment asMissed() {
        return new PlanInstalment(dueDate, amount, paid, true);
    }
}
