package org.debtledger.command.payment;

import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.debt.DebtChecks;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.payment.RecordPayment;
import org.debtledger.payment.RefundCredit;
import org.debtledger.payment.ReversePayment;
import org.debtledger.plan.InstalmentPayment;

import java.util.List;
import java.util.Optional;

import static org.debtledger.command.debt.RuleViolation.check;

/**
 * Whether a payment, a reversal or a refund may be recorded on a debt. A payment id names one payment of the debt:
 * the same payment again changes nothing, the id again with another amount is refused, and a payment is reversed
 * once. A rule that refuses throws its {@link RuleViolation}.
 *
 * @param credit         what the debtor has paid beyond the balance and not yet had back
 * @param planAgreedAt   the sequence number of the event that agreed the plan on the debt, null without a plan
 */
public record PaymentPolicy(DebtId debtId, DebtChecks checks, Money credit, Long planAgreedAt) {

    /** True when this payment was recorded before: the same id with the same amount, which changes nothing. */
    public boolean alreadyRecorded(RecordPayment command, Optional<RecordedPayment> earlier) {
        if (earlier.isEmpty()) {
            return false;
        }
        Money recorded = earlier.get().amount();
        check(recorded.equals(command.amount()), Rule.PAYMENT_ID_REUSED_WITH_DIFFERENT_AMOUNT,
                "payment " + command.paymentId() + " was recorded with " + recorded + ", not " + command.amount());
        return true;
    }

    public void requireRecordable(RecordPayment command) {
        checks.requireOwnCurrency(command.amount());
        check(command.amount().isPositive(), Rule.AMOUNT_NOT_POSITIVE, "a payment must be more than zero");
        checks.requireOpenOn(command.valueDate());
    }

    /**
     * Undoes exactly what the payment did, once, while the credit it created is still on the debt. The instalments it
     * paid are undone only if it paid the plan now on the debt, not an earlier one.
     */
    public PaymentReversed reversal(ReversePayment command, Optional<RecordedPayment> recorded) {
        checks.requireRegisteredBy(command.date());
        RecordedPayment payment = recorded.orElseThrow(() -> new RuleViolation(Rule.PAYMENT_UNKNOWN,
                "no payment " + command.paymentId() + " on this debt"));
        check(!payment.reversed(), Rule.PAYMENT_ALREADY_REVERSED, "payment " + command.paymentId()
                + " was already reversed");
        check(!credit.isLessThan(payment.allocation().credit()), Rule.CREDIT_ALREADY_REFUNDED,
                "the credit this payment created was already refunded; settle the refund first");
        List<InstalmentPayment> instalments = planAgreedAt != null && payment.sequenceNumber() > planAgreedAt
                ? payment.instalments()
                : List.of();
        return new PaymentReversed(debtId, command.paymentId(), payment.amount(), payment.allocation(),
                instalments, command.reason(), command.date());
    }

    public CreditRefunded refund(RefundCredit command) {
        checks.requireRegisteredBy(command.date());
        checks.requireOwnCurrency(command.amount());
        check(command.amount().isPositive(), Rule.AMOUNT_NOT_POSITIVE, "a refund must be more than zero");
        check(!command.amount().isGreaterThan(credit), Rule.REFUND_EXCEEDS_CREDIT,
                "only " + credit + " is owed back to the debtor");
        return new CreditRefunded(debtId, command.amount(), command.reference(), command.date());
    }
}
