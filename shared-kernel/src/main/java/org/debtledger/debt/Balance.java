package org.debtledger.debt;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;

import java.util.Currency;

/** What a debtor owes on one debt, by component. No component is ever negative. */
public record Balance(Money fees, Money interest, Money principal) {

    public static Balance zero(Currency currency) {
        Money zero = Money.zero(currency);
        return new Balance(zero, zero, zero);
    }

    @JsonIgnore
    public Money total() {
        return fees.plus(interest).plus(principal);
    }

    @JsonIgnore
    public boolean isSettled() {
        return total().isZero();
    }

    /** What is left owing after a payment allocated as {@code allocation}. */
    public Balance paidBy(Allocation allocation) {
        return new Balance(fees.minus(allocation.fees()), interest.minus(allocation.interest()),
                principal.minus(allocation.principal()));
    }

    /** What is owing again after a payment allocated as {@code allocation} was reversed. */
    public Balance restoredBy(Allocation allocation) {
        return new Balance(fees.plus(allocation.fees()), interest.plus(allocation.interest()),
                principal.plus(allocation.principal()));
    }

    public Balance withFees(Money fees) {
        return new Balance(fees, interest, principal);
    }

    public Balance withInterest(Money interest) {
        return new Balance(fees, interest, principal);
    }

    public Balance withPrincipal(Money principal) {
        return new Balance(fees, interest, principal);
    }
}
