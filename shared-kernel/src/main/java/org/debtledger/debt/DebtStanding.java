package org.debtledger.debt;

import org.debtledger.callback.CallBackRequested;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeResolved;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.interest.DateRange;
import org.debtledger.interest.InterestFreezes;
import org.debtledger.interest.InterestPosted;
import org.debtledger.limitation.DebtTimeBarred;
import org.debtledger.limitation.LimitationApproaching;
import org.debtledger.limitation.LimitationClock;
import org.debtledger.money.Money;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.pause.Freeze;
import org.debtledger.payment.BalanceRestated;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import org.debtledger.plan.PlanProgress;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.promise.PromiseToPayMade;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Where a debt stands: what it owes by component, what was paid and what is owed back, its latest plan and how far
 * it was kept, the days interest is frozen, and what its limitation counts from. The aggregate decides on it and the
 * debt view shows it; both fold a debt's events into it with {@link #evolve}, so they cannot disagree.
 */
public record DebtStanding(DebtStatus status, Balance outstanding, Money paid, Money credit, PlanProgress plan,
                           LocalDate dueDate, LocalDate interestAccruedThrough, InterestFreezes interestFreezes,
                           LimitationClock limitation, boolean timeBarred) {

    private static final Map<Class<? extends DebtEvent>, BiFunction<DebtStanding, DebtEvent, DebtStanding>> CHANGES =
            new HashMap<>();

    static {
        on(FeeCharged.class, DebtStanding::feeCharged);
        on(DueDateExtended.class, DebtStanding::dueDateExtended);
        on(InterestPosted.class, DebtStanding::interestPosted);
        on(PaymentPlanAgreed.class, DebtStanding::planAgreed);
        on(PaymentReceived.class, DebtStanding::paymentReceived);
        on(BalanceRestated.class, DebtStanding::restated);
        on(PaymentReversed.class, DebtStanding::paymentReversed);
        on(CreditRefunded.class, (standing, refund) -> standing.withCredit(standing.credit.minus(refund.amount())));
        on(InstalmentMissed.class, (standing, missed) -> standing.withPlan(
                standing.plan.missed(missed.instalmentNumber()), standing.interestFreezes));
        on(PaymentPlanBroken.class, (standing, broken) -> standing.withPlan(standing.plan.asBroken(),
                standing.interestFreezes.planEnded(broken.date())));
        on(CollectionPaused.class, DebtStanding::paused);
        on(CollectionResumed.class, (standing, resumed) -> standing.withFreezes(
                standing.interestFreezes.pauseEnded(resumed.date())));
        on(ClaimAdjusted.class, (standing, adjusted) -> standing.withOutstanding(standing.outstanding.withPrincipal(
                standing.outstanding.principal().minus(adjusted.principalReduction()))));
        on(DebtSettled.class, (standing, settled) -> standing.withStatus(DebtStatus.SETTLED, standing.outstanding)
                .withFreezes(standing.interestFreezes.planEnded(settled.date())));
        on(DebtWrittenOff.class, (standing, writtenOff) -> standing.closed(DebtStatus.WRITTEN_OFF));
        on(DebtRecalled.class, (standing, recalled) -> standing.closed(DebtStatus.RECALLED));
        on(DebtTimeBarred.class, DebtStanding::timeBarred);
        on(LimitationApproaching.class, (standing, approaching) -> standing);
        on(DebtDisputed.class, (standing, disputed) -> standing);
        on(DisputeResolved.class, (standing, resolved) -> standing);
        on(CaseAssigned.class, (standing, assigned) -> standing);
        on(CallBackRequested.class, (standing, requested) -> standing);
        // ---- promises to pay: a promise changes nothing owed
        on(PromiseToPayMade.class, (standing, made) -> standing);
        on(PromiseKept.class, (standing, kept) -> standing);
        on(PromiseBroken.class, (standing, broken) -> standing);
        // ---- the contact log: a contact changes nothing owed
        on(ContactRecorded.class, (standing, contact) -> standing);
    }

    private static <E extends DebtEvent> void on(Class<E> type, BiFunction<DebtStanding, E, DebtStanding> change) {
        CHANGES.put(type, (standing, event) -> change.apply(standing, type.cast(event)));
    }

    /** A claim just registered: its principal owed, nothing paid, interest running from its due date. */
    public static DebtStanding registered(DebtRegistered registered) {
        Money zero = Money.zero(registered.principal().currency());
        return new DebtStanding(DebtStatus.OPEN, Balance.zero(zero.currency()).withPrincipal(registered.principal()),
                zero, zero, null, registered.dueDate(), registered.dueDate(), InterestFreezes.NONE,
                LimitationClock.dueOn(registered.dueDate()), false);
    }

    /** Where the debt stands after {@code event}, which follows its registration. */
    public DebtStanding evolve(DebtEvent event) {
        BiFunction<DebtStanding, DebtEvent, DebtStanding> change = CHANGES.get(event.getClass());
        if (change == null) {
            throw new IllegalArgumentException("a debt's standing does not know " + event.getClass().getName());
        }
        return change.apply(this, event);
    }

    private DebtStanding feeCharged(FeeCharged fee) {
        LimitationClock clock = fee.type() == FeeType.DEMAND ? limitation.demanded(fee.date()) : limitation;
        return new DebtStanding(status, outstanding.withFees(outstanding.fees().plus(fee.amount())), paid, credit,
                plan, dueDate, interestAccruedThrough, interestFreezes, clock, timeBarred);
    }

    private DebtStanding dueDateExtended(DueDateExtended extended) {
        InterestFreezes freezes = extended.interestFrozenFrom() == null ? interestFreezes
                : interestFreezes.frozen(new DateRange(extended.interestFrozenFrom(), extended.dueDate()));
        return new DebtStanding(status, outstanding, paid, credit, plan, extended.dueDate(), interestAccruedThrough,
                freezes, limitation.dueDateMoved(extended.dueDate()), timeBarred);
    }

    private DebtStanding interestPosted(InterestPosted interest) {
        LocalDate through = interest.date().isAfter(interestAccruedThrough) ? interest.date() : interestAccruedThrough;
        return new DebtStanding(status, outstanding.withInterest(outstanding.interest().plus(interest.amount())), paid,
                credit, plan, dueDate, through, interestFreezes, limitation, timeBarred);
    }

    private DebtStanding planAgreed(PaymentPlanAgreed agreed) {
        InterestFreezes freezes = agreed.interestFrozen() ? interestFreezes.planKept(agreed.date().plusDays(1))
                : interestFreezes;
        return new DebtStanding(status, outstanding, paid, credit, PlanProgress.agreed(agreed), dueDate,
                interestAccruedThrough, freezes, limitation.planAgreed(agreed.date()), timeBarred);
    }

    /** A payment pays its allocation; the instalments it fills may complete the plan, which ends its freeze. */
    private DebtStanding paymentReceived(PaymentReceived payment) {
        PlanProgress after = plan;
        InterestFreezes freezes = interestFreezes;
        if (!payment.instalments().isEmpty()) {
            after = plan.paid(payment.instalments());
            if (plan.inForce() && !after.inForce()) {
                freezes = freezes.planEnded(payment.date());
            }
        }
        return new DebtStanding(status, outstanding.paidBy(payment.allocation()), paid.plus(payment.amount()),
                credit.plus(payment.allocation().credit()), after, dueDate, interestAccruedThrough, freezes,
                timeBarred ? limitation : limitation.paid(payment.date()), timeBarred);
    }

    private DebtStanding restated(BalanceRestated restated) {
        Balance balance = new Balance(outstanding.fees().plus(restated.fees()),
                outstanding.interest().plus(restated.interest()), outstanding.principal().plus(restated.principal()));
        return withOutstanding(balance).withCredit(credit.plus(restated.credit()));
    }

    /** A reversal restores what the payment paid; a completed plan it reopens is in force, and frozen, again. */
    private DebtStanding paymentReversed(PaymentReversed reversal) {
        PlanProgress after = plan;
        InterestFreezes freezes = interestFreezes;
        if (!reversal.instalments().isEmpty()) {
            after = plan.reversed(reversal.instalments());
            if (!plan.inForce() && after.inForce() && after.interestFrozen()) {
                freezes = freezes.planKept(reversal.date().plusDays(1));
            }
        }
        Balance restored = outstanding.restoredBy(reversal.restored());
        DebtStatus reopened = status == DebtStatus.SETTLED && !restored.isSettled() ? DebtStatus.OPEN : status;
        return new DebtStanding(reopened, restored, paid.minus(reversal.amount()),
                credit.minus(reversal.restored().credit()), after, dueDate, interestAccruedThrough, freezes,
                limitation, timeBarred);
    }

    private DebtStanding paused(CollectionPaused paused) {
        return paused.freezes().contains(Freeze.INTEREST)
                ? withFreezes(interestFreezes.paused(paused.date(), paused.until()))
                : this;
    }

    private DebtStanding timeBarred(DebtTimeBarred barred) {
        return new DebtStanding(status, outstanding, paid, credit, plan, dueDate, interestAccruedThrough,
                interestFreezes.frozen(DateRange.openFrom(barred.limitationDate().plusDays(1))), limitation, true);
    }

    private DebtStanding closed(DebtStatus closedAs) {
        return withStatus(closedAs, Balance.zero(credit.currency()));
    }

    private DebtStanding withStatus(DebtStatus newStatus, Balance balance) {
        return new DebtStanding(newStatus, balance, paid, credit, plan, dueDate, interestAccruedThrough,
                interestFreezes, limitation, timeBarred);
    }

    private DebtStanding withOutstanding(Balance balance) {
        return withStatus(status, balance);
    }

    private DebtStanding withCredit(Money newCredit) {
        return new DebtStanding(status, outstanding, paid, newCredit, plan, dueDate, interestAccruedThrough,
                interestFreezes, limitation, timeBarred);
    }

    private DebtStanding withPlan(PlanProgress newPlan, InterestFreezes freezes) {
        return new DebtStanding(status, outstanding, paid, credit, newPlan, dueDate, interestAccruedThrough, freezes,
                limitation, timeBarred);
    }

    private DebtStanding withFreezes(InterestFreezes freezes) {
        return withPlan(plan, freezes);
    }
}
