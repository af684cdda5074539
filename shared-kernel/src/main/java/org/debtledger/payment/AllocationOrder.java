package org.debtledger.payment;

import org.debtledger.debt.Balance;
import org.debtledger.money.Money;

import java.util.EnumSet;
import java.util.List;

/**
 * The order in which a payment pays the parts of a balance, a per-jurisdiction policy. What is left after
 * every part is paid becomes credit owed back to the debtor: a balance never goes negative.
 */
public record AllocationOrder(List<BalanceComponent> order) {

    /** Costs first, then interest, then principal: the common order (also Dutch civil code BW 6:44). */
    public static final AllocationOrder FEES_INTEREST_PRINCIPAL = new AllocationOrder(
            List.of(BalanceComponent.FEES, BalanceComponent.INTEREST, BalanceComponent.PRINCIPAL));

    public AllocationOrder {
        order = List.copyOf(order);
        if (order.size() != BalanceComponent.values().length || !EnumSet.copyOf(order).containsAll(
                EnumSet.allOf(BalanceComponent.class))) {
            throw new IllegalArgumentException("an allocation order names each balance component once: " + order);
        }
    }

    public Allocation allocate(Money payment, Balance outstanding) {
        if (payment.isNegative()) {
            throw new IllegalArgumentException("a payment is never negative");
        }
        Money left = payment;
        Money zero = Money.zero(payment.currency());
        Money fees = zero;
        Money interest = zero;
        Money principal = zero;
        for (BalanceComponent component : order) {
            Money due = switch (component) {
                case FEES -> outstanding.fees();
                case INTEREST -> outstanding.interest();
                case PRINCIPAL -> outstanding.principal();
            };
            Money paid = left.min(due);
            left = left.minus(paid);
            switch (component) {
                case FEES -> fees = paid;
                case INTEREST -> interest = paid;
                case PRINCIPAL -> principal = paid;
            }
        }
        return new Allocation(fees, interest, principal, left);
    }
}
