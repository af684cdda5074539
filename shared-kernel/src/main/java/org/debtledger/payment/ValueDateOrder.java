package org.debtledger.payment;

import org.debtledger.debt.Balance;
import org.debtledger.debt.ClaimAdjusted;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtType;
import org.debtledger.fee.FeeCharged;
import org.debtledger.interest.DateRange;
import org.debtledger.interest.InterestPosted;
import org.debtledger.interest.LateInterest;
import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A debt's money as it would stand had every fact arrived on its own date: the facts taken in date order (those of
 * one date in the order they were recorded), late interest posted up to each payment before it is allocated and
 * at each posting date, each posting rounded once, as the ledger posts it when facts arrive in order. A payment
 * that arrives after interest was posted past its value date is restated against this.
 */
public final class ValueDateOrder {

    /** A fact about the debt's money, on the business date it belongs to. */
    public sealed interface Fact {
        LocalDate date();
    }

    /** A fee charged. */
    public record Charged(LocalDate date, Money amount) implements Fact {
    }

    /** A payment, by its value date. */
    public record Paid(LocalDate date, PaymentId paymentId, Money amount) implements Fact {
    }

    /** Late interest posted through the date: at close of business, or when a plan or an adjustment needed it. */
    public record Posted(LocalDate date) implements Fact {
    }

    /** The claim's principal reduced (a dispute upheld in part), interest posted through the date first. */
    public record Adjusted(LocalDate date, Money principalReduction) implements Fact {
    }

    /** Credit paid back to the debtor. */
    public record Refunded(LocalDate date, Money amount) implements Fact {
    }

    /** What the facts come to: the balance, the credit, and how each payment was allocated. */
    public record Outcome(Balance outstanding, Money credit, LocalDate interestAccruedThrough,
                          Map<PaymentId, Allocation> allocations) {

        /** This outcome less {@code other}, component by component: what turns the other into this. */
        public Balance balanceChangeFrom(Outcome other) {
            return new Balance(outstanding.fees().minus(other.outstanding.fees()),
                    outstanding.interest().minus(other.outstanding.interest()),
                    outstanding.principal().minus(other.outstanding.principal()));
        }
    }

    /** The claim the facts are about: its principal, due date and type, and the days on which no interest runs. */
    public record Claim(Money principal, LocalDate dueDate, DebtType type, List<DateRange> frozen) {
    }

    private final LateInterest lateInterest;
    private final AllocationOrder order;

    public ValueDateOrder(LateInterest lateInterest, AllocationOrder order) {
        this.lateInterest = lateInterest;
        this.order = order;
    }

    /**
     * The facts of a debt's events, as recorded: fees, payments (less those reversed), interest postings (a negative
     * one corrected an earlier posting and is no fact of its own), adjustments and refunds. A restatement follows
     * from the others, but for the month-end posting of a close of business run late, which it records.
     */
    public static List<Fact> factsOf(List<? extends DebtEvent> events) {
        List<Fact> facts = new ArrayList<>();
        for (DebtEvent event : events) {
            if (event instanceof FeeCharged fee) {
                facts.add(new Charged(fee.date(), fee.amount()));
            } else if (event instanceof PaymentReceived payment) {
                facts.add(new Paid(payment.date(), payment.paymentId(), payment.amount()));
            } else if (event instanceof PaymentReversed reversal) {
                facts.removeIf(fact -> fact instanceof Paid paid && paid.paymentId().equals(reversal.paymentId()));
            } else if (event instanceof InterestPosted interest && interest.amount().isPositive()) {
                facts.add(new Posted(interest.date()));
            } else if (event instanceof BalanceRestated restated && restated.paymentId() == null) {
                facts.add(new Posted(restated.date()));
            } else if (event instanceof ClaimAdjusted adjusted) {
                facts.add(new Adjusted(adjusted.date(), adjusted.principalReduction()));
            } else if (event instanceof CreditRefunded refund) {
                facts.add(new Refunded(refund.date(), refund.amount()));
            }
        }
        return facts;
    }

    public Outcome of(Claim claim, List<Fact> facts) {
        List<Fact> inOrder = new ArrayList<>(facts);
        inOrder.sort(Comparator.comparing(Fact::date)); // stable: a date's facts keep the order they were recorded in
        Money zero = Money.zero(claim.principal().currency());
        Balance outstanding = Balance.zero(zero.currency()).withPrincipal(claim.principal());
        Money credit = zero;
        LocalDate accruedThrough = claim.dueDate();
        Map<PaymentId, Allocation> allocations = new LinkedHashMap<>();
        for (Fact fact : inOrder) {
            if (!(fact instanceof Charged || fact instanceof Refunded) && fact.date().isAfter(accruedThrough)) {
                Money interest = lateInterest.accrue(outstanding.principal(), claim.type(), accruedThrough.plusDays(1),
                        fact.date(), claim.frozen()).amount();
                if (interest.isPositive()) { // as the ledger posts: nothing, and no step forward, for no interest
                    outstanding = outstanding.withInterest(outstanding.interest().plus(interest));
                    accruedThrough = fact.date();
                }
            }
            if (fact instanceof Charged charged) {
                outstanding = outstanding.withFees(outstanding.fees().plus(charged.amount()));
            } else if (fact instanceof Paid paid) {
                Allocation allocation = order.allocate(paid.amount(), outstanding);
                outstanding = outstanding.paidBy(allocation);
                credit = credit.plus(allocation.credit());
                allocations.put(paid.paymentId(), allocation);
            } else if (fact instanceof Adjusted adjusted) {
                outstanding = outstanding.withPrincipal(outstanding.principal().minus(adjusted.principalReduction()));
            } else if (fact instanceof Refunded refunded) {
                credit = credit.minus(refunded.amount());
            }
        }
        return new Outcome(outstanding, credit, accruedThrough, allocations);
    }
}
