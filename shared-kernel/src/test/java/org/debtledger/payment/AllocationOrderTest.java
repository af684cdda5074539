package org.debtledger.payment;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.debtledger.debt.Balance;
import org.debtledger.money.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllocationOrderTest {

    private static Money eur(long minor) {
        return Money.ofMinor(minor, "EUR");
    }

    @Test
    void aPaymentPaysFeesThenInterestThenPrincipal() {
        Balance outstanding = new Balance(eur(1400), eur(78), eur(10000));
        Allocation allocation = AllocationOrder.FEES_INTEREST_PRINCIPAL.allocate(eur(2000), outstanding);
        assertThat(allocation).isEqualTo(new Allocation(eur(1400), eur(78), eur(522), eur(0)));
    }

    @Test
    void whatIsPaidBeyondTheBalanceBecomesCredit() {
        Balance outstanding = new Balance(eur(500), eur(0), eur(1000));
        Allocation allocation = AllocationOrder.FEES_INTEREST_PRINCIPAL.allocate(eur(2000), outstanding);
        assertThat(allocation).isEqualTo(new Allocation(eur(500), eur(0), eur(1000), eur(500)));
    }

    @Test
    void anOrderNamesEachComponentOnce() {
        assertThatThrownBy(() -> new AllocationOrder(List.of(BalanceComponent.FEES, BalanceComponent.FEES,
                BalanceComponent.PRINCIPAL))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void noCentIsCreatedOrLostAndNoComponentIsOverpaid(@ForAll @LongRange(min = 0, max = 10_000_000) long payment,
                                                      @ForAll @LongRange(min = 0, max = 1_000_000) long fees,
                                                      @ForAll @LongRange(min = 0, max = 1_000_000) long interest,
                                                      @ForAll @LongRange(min = 0, max = 10_000_000) long principal) {
        Balance outstanding = new Balance(eur(fees), eur(interest), eur(principal));
        Allocation allocation = AllocationOrder.FEES_INTEREST_PRINCIPAL.allocate(eur(payment), outstanding);

        assertThat(allocation.total()).isEqualTo(eur(payment));
        assertThat(allocation.fees().minorUnits()).isBetween(0L, fees);
        assertThat(allocation.interest().minorUnits()).isBetween(0L, interest);
        assertThat(allocation.principal().minorUnits()).isBetween(0L, principal);
        assertThat(allocation.credit().isNegative()).isFalse();
    }

    @Property
    void anEarlierComponentIsPaidInFullBeforeALaterOneGetsAnything(
            @ForAll @LongRange(min = 0, max = 3_000_000) long payment,
            @ForAll @LongRange(min = 0, max = 1_000_000) long fees,
            @ForAll @LongRange(min = 0, max = 1_000_000) long interest,
            @ForAll @LongRange(min = 0, max = 1_000_000) long principal) {
        Allocation allocation = AllocationOrder.FEES_INTEREST_PRINCIPAL.allocate(eur(payment),
                new Balance(eur(fees), eur(interest), eur(principal)));

        if (allocation.interest().isPositive()) {
            assertThat(allocation.fees()).isEqualTo(eur(fees));
        }
        if (allocation.principal().isPositive()) {
            assertThat(allocation.interest()).isEqualTo(eur(interest));
        }
        if (allocation.credit().isPositive()) {
            assertThat(allocation.principal()).isEqualTo(eur(principal));
        }
    }
}
