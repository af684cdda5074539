package org.debtledger.plan;

import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.Objects;

/** One instalment of a payment plan as agreed: when it is due and how much. */
public record Instalment(LocalDate dueDate, Money amount) {

    public Instalment {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(amount, "amount");
    }
}
