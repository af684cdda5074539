package org.debtledger.payment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.debtledger.money.Money;

/** How one payment was split: fees, interest, principal, and what was paid beyond the balance (credit owed back). */
public record Allocation(Money fees, Money interest, Money principal, Money credit) {

    @JsonIgnore
    public Money total() {
        return fees.plus(interest).plus(principal).plus(credit);
    }
}
