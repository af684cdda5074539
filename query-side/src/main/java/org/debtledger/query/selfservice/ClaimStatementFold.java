package org.debtledger.query.selfservice;

import org.debtledger.debt.ClaimAdjusted;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtRecalled;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.debt.DueDateExtended;
import org.debtledger.fee.FeeCharged;
import org.debtledger.interest.HalfYear;
import org.debtledger.interest.InterestPosted;
import org.debtledger.interest.InterestSegment;
import org.debtledger.interest.ReferenceRates;
import org.debtledger.money.Money;
import org.debtledger.payment.BalanceRestated;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.query.debt.HistoryReplay;
import org.debtledger.query.selfservice.ClaimStatement.Component;
import org.debtledger.query.selfservice.ClaimStatement.Correction;
import org.debtledger.query.selfservice.ClaimStatement.CorrectionKind;
import org.debtledger.query.selfservice.ClaimStatement.Fee;
import org.debtledger.query.selfservice.ClaimStatement.InterestPeriod;
import org.debtledger.query.selfservice.ClaimStatement.InterestPosting;
import org.debtledger.query.selfservice.ClaimStatement.Paid;
import org.debtledger.query.selfservice.ClaimStatement.Payment;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A debt's events, as recorded, become its {@link ClaimStatement}. Each money event is one line, and the totals add
 * the lines the way {@link org.debtledger.debt.DebtStanding} moves the balance, so they are the debt view's
 * outstanding: what was charged, less what payments paid, plus what corrections changed.
 */
public final class ClaimStatementFold {

    private ClaimStatementFold() {
    }

    /** {@code events}: the debt's events in the order they were recorded, its registration first. */
    public static ClaimStatement of(List<HistoryReplay.Recorded> events) {
        Folding folding = new Folding((DebtRegistered) events.get(0).event());
        for (HistoryReplay.Recorded recorded : events.subList(1, events.size())) {
            folding.on(recorded);
        }
        return folding.statement();
    }

    /** Principal, interest and fees, each signed. */
    private record Parts(Money principal, Money interest, Money fees) {

        Parts plus(Parts other) {
            return new Parts(principal.plus(other.principal), interest.plus(other.interest), fees.plus(other.fees));
        }

        Parts minus(Parts other) {
            return plus(other.negate());
        }

        Parts negate() {
            return new Parts(principal.negate(), interest.negate(), fees.negate());
        }

        Money total() {
            return principal.plus(interest).plus(fees);
        }
    }

    private static final class Folding {

        private final DebtRegistered registered;
        private final Money zero;
        private final Parts none;
        private final List<InterestPosting> interest = new ArrayList<>();
        private final List<Fee> fees = new ArrayList<>();
        private final List<Payment> payments = new ArrayList<>();
        private final List<Correction> corrections = new ArrayList<>();
        private LocalDate dueDate;
        private Parts charged;
        private Parts paid;
        private Parts corrected;
        private Money credit;
        private int demands;

        Folding(DebtRegistered registered) {
            this.registered = registered;
            this.zero = Money.zero(registered.principal().currency());
            this.none = new Parts(zero, zero, zero);
            this.dueDate = registered.dueDate();
            this.charged = new Parts(registered.principal(), zero, zero);
            this.paid = none;
            this.corrected = none;
            this.credit = zero;
        }

        void on(HistoryReplay.Recorded recorded) {
            DebtEvent event = recorded.event();
            if (event instanceof DueDateExtended extended) {
                dueDate = extended.dueDate();
            } else if (event instanceof InterestPosted posted) {
                interest.add(new InterestPosting(posted.date(), posted.accruedFrom(), posted.date(), posted.amount(),
                        periods(posted)));
                charged = charged.plus(new Parts(zero, posted.amount(), zero));
            } else if (event instanceof FeeCharged fee) {
                fees.add(new Fee(fee.date(), fee.type(), fee.amount(), fee.cap(), feeFor(fee)));
                charged = charged.plus(new Parts(zero, zero, fee.amount()));
            } else if (event instanceof PaymentReceived payment) {
                var allocation = payment.allocation();
                payments.add(new Payment(payment.paymentId().value(), payment.date(), recorded.recordedAt(),
                        payment.amount(), new Paid(allocation.principal(), allocation.interest(), allocation.fees(),
                        allocation.credit()), false));
                paid = paid.plus(new Parts(allocation.principal(), allocation.interest(), allocation.fees()));
                credit = credit.plus(allocation.credit());
            } else if (event instanceof PaymentReversed reversal) {
                markReversed(reversal.paymentId().value());
                var restored = reversal.restored();
                correct(reversal.date(), CorrectionKind.REVERSAL, reversal.paymentId().value(),
                        new Parts(restored.principal(), restored.interest(), restored.fees()),
                        restored.credit().negate(), "the payment was reversed: what it paid is owed again");
            } else if (event instanceof BalanceRestated restated) {
                correct(restated.date(), CorrectionKind.RESTATEMENT,
                        restated.paymentId() == null ? null : restated.paymentId().value(),
                        new Parts(restated.principal(), restated.interest(), restated.fees()), restated.credit(),
                        restated.paymentId() == null
                                ? "month-end interest posted as of its own date, after later interest"
                                : "a payment dated before interest already posted: that interest re-rated on what"
                                + " the payment left, later payments allocated again");
            } else if (event instanceof ClaimAdjusted adjusted) {
                correct(adjusted.date(), CorrectionKind.ADJUSTMENT, null,
                        new Parts(adjusted.principalReduction().negate(), zero, zero), zero,
                        "the principal was reduced: " + adjusted.reason());
            } else if (event instanceof CreditRefunded refund) {
                correct(refund.date(), CorrectionKind.REFUND, null, none, refund.amount().negate(),
                        "credit owed to you was paid back");
            } else if (event instanceof DebtWrittenOff writtenOff) {
                correct(writtenOff.date(), CorrectionKind.WRITE_OFF, null, outstanding().negate(), zero,
                        "the claim was written off: nothing more is collected");
            } else if (event instanceof DebtRecalled recalled) {
                correct(recalled.date(), CorrectionKind.RECALL, null, outstanding().negate(), zero,
                        "the creditor took the claim back from collection");
            }
            // the other events (plans, pauses, disputes, settlement, limitation) move no money
        }

        private void correct(LocalDate date, CorrectionKind kind, String paymentId, Parts change,
                             Money creditChange, String description) {
            corrections.add(new Correction(date, kind, paymentId, change.principal(), change.interest(),
                    change.fees(), creditChange, description));
            corrected = corrected.plus(change);
            credit = credit.plus(creditChange);
        }

        /** The last time the payment was received is the one a reversal reverses. */
        private void markReversed(String paymentId) {
            for (int i = payments.size() - 1; i >= 0; i--) {
                Payment payment = payments.get(i);
                if (payment.paymentId().equals(paymentId) && !payment.reversed()) {
                    payments.set(i, new Payment(payment.paymentId(), payment.valueDate(), payment.receivedAt(),
                            payment.amount(), payment.paid(), true));
                    return;
                }
            }
        }

        private Parts outstanding() {
            return charged.minus(paid).plus(corrected);
        }

        private String feeFor(FeeCharged fee) {
            return switch (fee.type()) {
                case REMINDER -> "a written payment reminder";
                case DEMAND -> ++demands == 1 ? "a demand for payment" : "a new demand for payment on the same claim";
                case DUE_DATE_EXTENSION -> "moving the due date" + (fee.extensionDays() == null ? ""
                        : " by " + fee.extensionDays() + " days") + " at your request";
                case PAYMENT_PLAN -> "a payment plan";
            };
        }

        private List<InterestPeriod> periods(InterestPosted posted) {
            List<InterestSegment> segments = posted.segments() == null ? List.of() : posted.segments();
            List<Money> shares = Shares.of(posted.amount(), segments.stream().map(Folding::weight).toList());
            List<InterestPeriod> periods = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                periods.add(period(segments.get(i), shares == null ? null : shares.get(i)));
            }
            return periods;
        }

        /** What a segment earns before rounding, in minor units × basis points × days. */
        private static BigInteger weight(InterestSegment segment) {
            return BigInteger.valueOf(segment.principal().minorUnits())
                    .multiply(BigInteger.valueOf(segment.annualRateBasisPoints()))
                    .multiply(BigInteger.valueOf(segment.days()));
        }

        private InterestPeriod period(InterestSegment segment, Money share) {
            boolean business = registered.debtType() == DebtType.BUSINESS;
            int margin = business ? ReferenceRates.BUSINESS_MARGIN_BASIS_POINTS
                    : ReferenceRates.CONSUMER_MARGIN_BASIS_POINTS;
            int reference = segment.annualRateBasisPoints() - margin;
            List<String> halfYears = new ArrayList<>();
            for (HalfYear half = HalfYear.of(segment.from()); !half.first().isAfter(segment.through());
                 half = half.next()) {
                halfYears.add(half.toString());
            }
            String source = "the reference rate of " + (halfYears.size() == 1 ? "the half year " : "the half years ")
                    + String.join(" and ", halfYears) + " (" + percent(reference) + " %) plus the statutory margin of "
                    + percent(margin) + " percentage points for a " + (business ? "business" : "consumer")
                    + " debt (Interest Act 633/1982, section " + (business ? "4 a" : "4") + ")";
            return new InterestPeriod(segment.from(), segment.through(), segment.days(), segment.principal(),
                    percent(segment.annualRateBasisPoints()), percent(reference), percent(margin),
                    List.copyOf(halfYears), source, share);
        }

        private static String percent(int basisPoints) {
            return BigDecimal.valueOf(basisPoints, 2).toPlainString();
        }

        ClaimStatement statement() {
            Parts outstanding = outstanding();
            var totals = new ClaimStatement.Totals(
                    new Component(charged.principal(), paid.principal(), corrected.principal(),
                            outstanding.principal()),
                    new Component(charged.interest(), paid.interest(), corrected.interest(), outstanding.interest()),
                    new Component(charged.fees(), paid.fees(), corrected.fees(), outstanding.fees()),
                    new Component(charged.total(), paid.total(), corrected.total(), outstanding.total()),
                    credit);
            var claim = new ClaimStatement.Claim(registered.creditorId().value(), registered.invoiceReference(),
                    registered.invoicePeriod(), registered.description(), registered.debtType(),
                    registered.dueDate(), dueDate, registered.principal());
            return new ClaimStatement(registered.debtId().value(), claim, List.copyOf(interest), List.copyOf(fees),
                    List.copyOf(payments), List.copyOf(corrections), totals);
        }
    }
}
