package org.debtledger.debt;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.debtledger.money.Money;

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
