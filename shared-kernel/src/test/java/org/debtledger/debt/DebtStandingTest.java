package org.debtledger.debt;

import org.debtledger.audit.Channel;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.interest.DateRange;
import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DebtStandingTest {

    private static final DebtId DEBT = new DebtId("d-1");
    private static final LocalDate DUE = LocalDate.of(2025, 2, 15);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Allocation toPrincipal(String amount) {
        return new Allocation(eur("0.00"), eur("0.00"), eur(amount), eur("0.00"));
    }

    private static DebtStanding registered() {
        return DebtStanding.registered(new DebtRegistered(DEBT, new CreditorId("acme"), new DebtorId("p-1"), "INV-1",
                null, "Broadband", eur("100.00"), DUE, DebtType.CONSUMER, Jurisdiction.FI, false,
                LocalDate.of(2025, 3, 1)));
    }

    private static PaymentReceived instalmentPaid(String id, String amount, int instalment, LocalDate on) {
        return new PaymentReceived(DEBT, new PaymentId(id), eur(amount), Channel.BANK_FILE, toPrincipal(amount),
                List.of(new InstalmentPayment(instalment, eur(amount))), on);
    }

    @Test
    void aRegisteredClaimOwesItsPrincipalAndInterestRunsFromItsDueDate() {
        DebtStanding standing = registered();

        assertThat(standing.outstanding().total()).isEqualTo(eur("100.00"));
        assertThat(standing.interestAccruedThrough()).isEqualTo(DUE);
        assertThat(standing.status()).isEqualTo(DebtStatus.OPEN);
    }

    @Test
    void aKeptPlanFreezesInterestUntilItsLastInstalmentIsPaidAndAReversalReopensIt() {
        LocalDate agreed = LocalDate.of(2025, 3, 10);
        DebtStanding standing = registered()
                .evolve(new FeeCharged(DEBT, FeeType.DEMAND, eur("0.00"), eur("14.00"), null, agreed))
                .evolve(new PaymentPlanAgreed(DEBT, 1, List.of(new Instalment(LocalDate.of(2025, 4, 1), eur("50.00")),
                        new Instalment(LocalDate.of(2025, 5, 1), eur("50.00"))), Channel.SELF_SERVICE, null, null,
                        true, agreed))
                .evolve(instalmentPaid("p-1", "50.00", 1, LocalDate.of(2025, 3, 31)));

        assertThat(standing.plan().inForce()).isTrue();
        assertThat(standing.interestFreezes().plan()).isEqualTo(DateRange.openFrom(agreed.plusDays(1)));

        DebtStanding completed = standing.evolve(instalmentPaid("p-2", "50.00", 2, LocalDate.of(2025, 4, 30)));
        assertThat(completed.plan().completed()).isTrue();
        assertThat(completed.interestFreezes().plan()).isNull();
        assertThat(completed.outstanding().principal()).isEqualTo(eur("0.00"));
        assertThat(completed.paid()).isEqualTo(eur("100.00"));
        assertThat(completed.limitation().lastPayment()).isEqualTo(LocalDate.of(2025, 4, 30));

        DebtStanding reopened = completed.evolve(new PaymentReversed(DEBT, new PaymentId("p-2"), eur("50.00"),
                toPrincipal("50.00"), List.of(new InstalmentPayment(2, eur("50.00"))), "returned by the bank",
                LocalDate.of(2025, 5, 5)));
        assertThat(reopened.plan().inForce()).isTrue();
        assertThat(reopened.interestFreezes().plan()).isEqualTo(DateRange.openFrom(LocalDate.of(2025, 5, 6)));
        assertThat(reopened.outstanding().principal()).isEqualTo(eur("50.00"));
        assertThat(reopened.paid()).isEqualTo(eur("50.00"));
    }

    @Test
    void aSettledDebtThatAReversalLeavesOwingIsOpenAgain() {
        DebtStanding settled = registered()
                .evolve(new PaymentReceived(DEBT, new PaymentId("p-1"), eur("100.00"), Channel.BANK_FILE,
                        toPrincipal("100.00"), List.of(), DUE))
                .evolve(new DebtSettled(DEBT, DUE));
        assertThat(settled.status()).isEqualTo(DebtStatus.SETTLED);

        DebtStanding reversed = settled.evolve(new PaymentReversed(DEBT, new PaymentId("p-1"), eur("100.00"),
                toPrincipal("100.00"), List.of(), "chargeback", DUE.plusDays(3)));
        assertThat(reversed.status()).isEqualTo(DebtStatus.OPEN);
        assertThat(reversed.outstanding().total()).isEqualTo(eur("100.00"));
    }

    @Test
    void aWriteOffLeavesNothingOwing() {
        DebtStanding standing = registered();
        DebtStanding writtenOff = standing.evolve(new DebtWrittenOff(DEBT, standing.outstanding(), "uncollectable",
                DUE));

        assertThat(writtenOff.status()).isEqualTo(DebtStatus.WRITTEN_OFF);
        assertThat(writtenOff.outstanding().total()).isEqualTo(eur("0.00"));
    }

    @Test
    void aRegistrationIsTheStartNotAChange() {
        assertThatThrownBy(() -> registered().evolve(new DebtRegistered(DEBT, new CreditorId("acme"),
                new DebtorId("p-1"), "INV-1", null, "again", eur("1.00"), DUE, DebtType.CONSUMER, Jurisdiction.FI,
                false, DUE))).isInstanceOf(IllegalArgumentException.class);
    }
}
