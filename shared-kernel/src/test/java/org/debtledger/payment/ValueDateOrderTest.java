package org.debtledger.payment;

import org.debtledger.debt.DebtType;
import org.debtledger.interest.LateInterest;
import org.debtledger.interest.ReferenceRates;
import org.debtledger.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValueDateOrderTest {

    private static final ValueDateOrder ORDER = new ValueDateOrder(new LateInterest(ReferenceRates.finland()),
            AllocationOrder.FEES_INTEREST_PRINCIPAL);
    private static final ValueDateOrder.Claim CLAIM = new ValueDateOrder.Claim(eur("3650.00"),
            LocalDate.parse("2025-01-10"), DebtType.CONSUMER, List.of());

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void aPaymentPaysTheInterestAccruedToItsValueDateAndTheRestRunsOnWhatIsLeft() {
        // close of business on 31 March, then 1,000.00 value-dated 15 March: in value-date order the payment pays
        // 67.20 of interest (64 days at 10.5 %) and 932.80 of principal, and 16 days on 2,717.20 add 12.51
        ValueDateOrder.Outcome outcome = ORDER.of(CLAIM, List.of(
                new ValueDateOrder.Posted(LocalDate.parse("2025-03-31")),
                new ValueDateOrder.Paid(LocalDate.parse("2025-03-15"), new PaymentId("RF-1"), eur("1000.00"))));

        assertThat(outcome.allocations().get(new PaymentId("RF-1")))
                .isEqualTo(new Allocation(eur("0.00"), eur("67.20"), eur("932.80"), eur("0.00")));
        assertThat(outcome.outstanding().principal()).isEqualTo(eur("2717.20"));
        assertThat(outcome.outstanding().interest()).isEqualTo(eur("12.51"));
        assertThat(outcome.outstanding().total()).isEqualTo(eur("2729.71"));
        assertThat(outcome.interestAccruedThrough()).isEqualTo(LocalDate.parse("2025-03-31"));
    }

    @Test
    void factsOfOneDateKeepTheOrderTheyWereRecordedIn() {
        ValueDateOrder.Outcome feeFirst = ORDER.of(CLAIM, List.of(
                new ValueDateOrder.Charged(LocalDate.parse("2025-03-15"), eur("24.00")),
                new ValueDateOrder.Paid(LocalDate.parse("2025-03-15"), new PaymentId("RF-1"), eur("10.00"))));
        assertThat(feeFirst.allocations().get(new PaymentId("RF-1")).fees()).isEqualTo(eur("10.00"));
        ValueDateOrder.Outcome paymentFirst = ORDER.of(CLAIM, List.of(
                new ValueDateOrder.Paid(LocalDate.parse("2025-03-15"), new PaymentId("RF-1"), eur("10.00")),
                new ValueDateOrder.Charged(LocalDate.parse("2025-03-15"), eur("24.00"))));
        assertThat(paymentFirst.allocations().get(new PaymentId("RF-1")).fees()).isEqualTo(eur("0.00"));
    }
}
