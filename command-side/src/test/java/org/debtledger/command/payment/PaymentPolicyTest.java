package org.debtledger.command.payment;

import org.debtledger.audit.Channel;
import org.debtledger.debt.DebtStatus;
import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.debt.DebtChecks;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.RecordPayment;
import org.debtledger.payment.ReversePayment;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The payment rules on plain state: what the debt's history says of a payment id, and the debt's checks. */
class PaymentPolicyTest {

    private static final DebtId DEBT = new DebtId("debt-1");
    private static final PaymentId PAYMENT = new PaymentId("RF18-1");
    private static final LocalDate REGISTERED = LocalDate.parse("2025-03-01");
    private static final DebtChecks OPEN = new DebtChecks(DebtStatus.OPEN, REGISTERED, Currency.getInstance("EUR"), false,
            false, LocalDate.parse("2028-02-15"), null);
    private static final PaymentPolicy POLICY = new PaymentPolicy(DEBT, OPEN, eur("0.00"), null);

    @Test
    void aPaymentIdNotSeenOnTheDebtIsANewPayment() {
        assertThat(POLICY.alreadyRecorded(payment("20.00"), Optional.empty())).isFalse();
    }

    @Test
    void theSamePaymentAgainIsAlreadyRecorded() {
        assertThat(POLICY.alreadyRecorded(payment("20.00"), Optional.of(recorded("20.00", false)))).isTrue();
    }

    @Test
    void aPaymentIdReusedWithAnotherAmountIsRefused() {
        assertThatThrownBy(() -> POLICY.alreadyRecorded(payment("20.01"), Optional.of(recorded("20.00", false))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.PAYMENT_ID_REUSED_WITH_DIFFERENT_AMOUNT));
    }

    @Test
    void aPaymentIsReversedOnlyOnce() {
        ReversePayment reversal = new ReversePayment(DEBT, PAYMENT, "returned by the bank", LocalDate.parse("2025-03-20"));

        assertThat(POLICY.reversal(reversal, Optional.of(recorded("20.00", false))).restored())
                .isEqualTo(allocation());
        assertThatThrownBy(() -> POLICY.reversal(reversal, Optional.of(recorded("20.00", true))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.PAYMENT_ALREADY_REVERSED));
    }

    private static RecordPayment payment(String amount) {
        return new RecordPayment(DEBT, PAYMENT, eur(amount), LocalDate.parse("2025-03-10"), Channel.BANK_FILE);
    }

    private static RecordedPayment recorded(String amount, boolean reversed) {
        return new RecordedPayment(eur(amount), LocalDate.parse("2025-03-10"), allocation(), List.of(), 3, reversed);
    }

    private static Allocation allocation() {
        return new Allocation(eur("0.00"), eur("0.00"), eur("20.00"), eur("0.00"));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
