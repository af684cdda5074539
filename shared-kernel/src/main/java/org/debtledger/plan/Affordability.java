package org.debtledger.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.debtledger.money.Money;

import java.util.Objects;

/** The debtor's own declaration of monthly income and expenses, the basis of a realistic plan. */
public record Affordability(Money monthlyIncome, Money monthlyExpenses) {

    public Affordability {
        Objects.requireNonNull(monthlyIncome, "monthlyIncome");
        Objects.requireNonNull(monthlyExpenses, "monthlyExpenses");
    }

    @JsonIgnore
    public Money disposableIncome() {
        return monthlyIncome.minus(monthlyExpenses);
    }
}
