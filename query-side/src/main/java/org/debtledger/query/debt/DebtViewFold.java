package org.debtledger.query.debt;

import org.debtledger.debt.Balance;
import org.debtledger.debt.CaseAssigned;
import org.debtledger.debt.ClaimAdjusted;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtRecalled;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.debt.DueDateExtended;
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
import org.debtledger.limitation.LimitationPolicy;
import org.debtledger.money.Money;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.pause.Freeze;
import org.debtledger.payment.BalanceRestated;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import org.debtledger.query.debt.DebtView.Instalment;
import org.debtledger.query.debt.DebtView.Outstanding;
import org.debtledger.query.debt.DebtView.Plan;
import org.debtledger.query.debt.DebtView.PlanStatus;
import org.debtledger.query.debt.DebtView.Status;
import org.debtledger.query.projection.EventDispatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a debt's events become its view. The live projection and the history replay both fold with it,
 * so the replayed present is the debt view, exactly.
 */
public final class DebtViewFold {

    private static final LimitationPolicy LIMITATION = LimitationPolicy.finland();
    private static final EventDispatch<ViewChange> EVENTS = new EventDispatch<ViewChange>()
            .on(FeeCharged.class, ViewChange::feeCharged)
            .on(DueDateExtended.class, ViewChange::dueDateExtended)
            .on(InterestPosted.class, ViewChange::interestPosted)
            .on(PaymentPlanAgreed.class, ViewChange::planAgreed)
            .on(PaymentReceived.class, ViewChange::paymentReceived)
            .on(BalanceRestated.class, ViewChange::balanceRestated)
            .on(PaymentReversed.class, ViewChange::paymentReversed)
            .on(CreditRefunded.class, ViewChange::creditRefunded)
            .on(InstalmentMissed.class, ViewChange::instalmentMissed)
            .on(PaymentPlanBroken.class, ViewChange::planBroken)
            .on(CollectionPaused.class, ViewChange::collectionPaused)
            .on(CollectionResumed.class, ViewChange::collectionResumed)
            .on(DebtDisputed.class, ViewChange::disputed)
            .on(DisputeResolved.class, ViewChange::disputeResolved)
            .on(ClaimAdjusted.class, ViewChange::claimAdjusted)
            .on(DebtSettled.class, ViewChange::settled)
            .on(DebtWrittenOff.class, ViewChange::writtenOff)
            .on(DebtRecalled.class, ViewChange::recalled)
            .on(DebtTimeBarred.class, ViewChange::timeBarred)
            // the date it announces is the one the view shows already
            .on(LimitationApproaching.class, (change, approaching) -> { })
            .on(CaseAssigned.class, ViewChange::caseAssigned);

    private DebtViewFold() {
    }

    public static DebtView apply(DebtView view, DebtEvent event, long sequenceNumber, long position) {
        if (event instanceof DebtRegistered registered) {
            Money zero = Money.zero(registered.principal().currency());
            return new DebtView(registered.debtId().value(), registered.creditorId().value(),
                    registered.debtorId().value(), registered.invoiceReference(), registered.invoicePeriod(),
                    registered.description(), registered.debtType(), registered.jurisdiction(), registered.dueDate(),
                    registered.date(), Status.OPEN,
                    Outstanding.of(Balance.zero(zero.currency()).withPrincipal(registered.principal())), zero, zero,
                    null, null, null, null, registered.dueDate(), InterestFreezes.NONE,
                    limitation(registered.debtType(), LimitationClock.dueOn(registered.dueDate()), false),
                    sequenceNumber, position);
        }
        if (view == null) {
            throw new IllegalStateException("no view of debt " + event.debtId() + " to apply "
                    + event.getClass().getSimpleName() + " to");
        }
        ViewChange change = new ViewChange(view);
        change.apply(event);
        return change.build(sequenceNumber, position);
    }

    private static DebtView.Limitation limitation(DebtType type, LimitationClock clock, boolean timeBarred) {
        return new DebtView.Limitation(LIMITATION.limitationDate(type, clock), timeBarred, clock);
    }

    /** A view being changed by one event. */
    private static final class ViewChange {
        private final DebtView view;
        private Status status;
        private Balance outstanding;
        private Money paid;
        private Money credit;
        private Plan plan;
        private DebtView.Pause pause;
        private DebtView.Dispute dispute;
        private String advisorId;
        private LocalDate dueDate;
        private LocalDate interestAccruedThrough;
        private InterestFreezes freezes;
        private LimitationClock limitationClock;
        private boolean timeBarred;

        ViewChange(DebtView view) {
            this.view = view;
            status = view.status();
            outstanding = view.outstanding().balance();
            paid = view.paid();
            credit = view.credit();
            plan = view.plan();
            pause = view.pause();
            dispute = view.dispute();
            advisorId = view.advisorId();
            dueDate = view.dueDate();
            interestAccruedThrough = view.interestAccruedThrough();
            freezes = view.interestFreezes();
            // a view stored before limitation was kept counts from its due date until the model is rebuilt
            limitationClock = view.limitation() != null ? view.limitation().clock() : LimitationClock.dueOn(view.dueDate());
            timeBarred = view.limitation() != null && view.limitation().timeBarred();
        }

        void apply(DebtEvent event) {
            if (!EVENTS.apply(this, event)) {
                throw new IllegalArgumentException("the debt view does not know " + event.getClass().getName());
            }
        }

        private void feeCharged(FeeCharged fee) {
            outstanding = outstanding.withFees(outstanding.fees().plus(fee.amount()));
            if (fee.type() == FeeType.DEMAND) {
                limitationClock = limitationClock.demanded(fee.date());
            }
        }

        private void dueDateExtended(DueDateExtended extended) {
            dueDate = extended.dueDate();
            limitationClock = limitationClock.dueDateMoved(extended.dueDate());
            if (extended.interestFrozenFrom() != null) {
                freezes = freezes.frozen(new DateRange(extended.interestFrozenFrom(), extended.dueDate()));
            }
        }

        private void interestPosted(InterestPosted interest) {
            outstanding = outstanding.withInterest(outstanding.interest().plus(interest.amount()));
            if (interest.date().isAfter(interestAccruedThrough)) {
                interestAccruedThrough = interest.date();
            }
        }

        private void planAgreed(PaymentPlanAgreed agreed) {
            List<Instalment> instalments = new ArrayList<>();
            for (int i = 0; i < agreed.instalments().size(); i++) {
                var instalment = agreed.instalments().get(i);
                instalments.add(Instalment.of(i + 1, instalment.dueDate(), instalment.amount(),
                        Money.zero(instalment.amount().currency()), false));
            }
            plan = new Plan(agreed.planNumber(), PlanStatus.ACTIVE, agreed.date(), agreed.interestFrozen(), instalments);
            limitationClock = limitationClock.planAgreed(agreed.date());
            if (agreed.interestFrozen()) {
                freezes = freezes.planKept(agreed.date().plusDays(1));
            }
        }

        private void paymentReceived(PaymentReceived payment) {
            outstanding = outstanding.paidBy(payment.allocation());
            paid = paid.plus(payment.amount());
            credit = credit.plus(payment.allocation().credit());
            payInstalments(payment.instalments(), 1, payment.date());
            if (!timeBarred) {
                limitationClock = limitationClock.paid(payment.date());
            }
        }

        private void balanceRestated(BalanceRestated restated) {
            outstanding = new Balance(outstanding.fees().plus(restated.fees()),
                    outstanding.interest().plus(restated.interest()),
                    outstanding.principal().plus(restated.principal()));
            credit = credit.plus(restated.credit());
        }

        private void paymentReversed(PaymentReversed reversal) {
            outstanding = outstanding.restoredBy(reversal.restored());
            paid = paid.minus(reversal.amount());
            credit = credit.minus(reversal.restored().credit());
            payInstalments(reversal.instalments(), -1, reversal.date());
            if (status == Status.SETTLED && !outstanding.isSettled()) {
                status = Status.OPEN;
            }
        }

        private void creditRefunded(CreditRefunded refund) {
            credit = credit.minus(refund.amount());
        }

        private void instalmentMissed(InstalmentMissed missed) {
            plan = plan.withInstalment(missed.instalmentNumber(), instalment -> Instalment.of(instalment.number(),
                    instalment.dueDate(), instalment.amount(), instalment.paid(), true));
        }

        private void planBroken(PaymentPlanBroken broken) {
            plan = plan.withStatus(PlanStatus.BROKEN);
            freezes = freezes.planEnded(broken.date());
        }

        private void collectionPaused(CollectionPaused paused) {
            pause = new DebtView.Pause(paused.reason(), paused.date(), paused.until(), paused.freezes());
            if (paused.freezes().contains(Freeze.INTEREST)) {
                freezes = freezes.paused(paused.date(), paused.until());
            }
        }

        private void collectionResumed(CollectionResumed resumed) {
            pause = null;
            freezes = freezes.pauseEnded(resumed.date());
        }

        private void disputed(DebtDisputed disputed) {
            dispute = new DebtView.Dispute(disputed.reason(), disputed.date());
        }

        private void disputeResolved(DisputeResolved resolved) {
            dispute = null;
        }

        private void claimAdjusted(ClaimAdjusted adjusted) {
            outstanding = outstanding.withPrincipal(outstanding.principal().minus(adjusted.principalReduction()));
        }

        /** As on the command side: the plan's own status changes only with its instalments. */
        private void settled(DebtSettled settled) {
            status = Status.SETTLED;
            freezes = freezes.planEnded(settled.date());
        }

        private void writtenOff(DebtWrittenOff writtenOff) {
            status = Status.WRITTEN_OFF;
            outstanding = Balance.zero(credit.currency());
        }

        private void recalled(DebtRecalled recalled) {
            status = Status.RECALLED;
            outstanding = Balance.zero(credit.currency());
        }

        private void timeBarred(DebtTimeBarred barred) {
            timeBarred = true;
            freezes = freezes.frozen(DateRange.openFrom(barred.limitationDate().plusDays(1)));
        }

        private void caseAssigned(CaseAssigned assigned) {
            advisorId = assigned.advisorId().value();
        }

        /** Adds ({@code sign} 1) or takes back ({@code sign} -1) instalment payments; a fully paid plan is complete. */
        private void payInstalments(List<InstalmentPayment> payments, int sign, LocalDate date) {
            if (payments.isEmpty()) {
                return;
            }
            for (InstalmentPayment payment : payments) {
                Money amount = sign > 0 ? payment.amount() : payment.amount().negate();
                plan = plan.withInstalment(payment.instalmentNumber(), instalment -> Instalment.of(
                        instalment.number(), instalment.dueDate(), instalment.amount(), instalment.paid().plus(amount),
                        instalment.missed()));
            }
            boolean allPaid = plan.instalments().stream().allMatch(i -> i.state() == DebtView.InstalmentState.PAID);
            if (allPaid && plan.status() == PlanStatus.ACTIVE) {
                plan = plan.withStatus(PlanStatus.COMPLETED);
                freezes = freezes.planEnded(date);
            } else if (!allPaid && plan.status() == PlanStatus.COMPLETED) {
                // a reversal put the completed plan back in force: it is kept, and frozen, again
                plan = plan.withStatus(PlanStatus.ACTIVE);
                if (plan.interestFrozen()) {
                    freezes = freezes.planKept(date.plusDays(1));
                }
            }
        }

        DebtView build(long sequenceNumber, long position) {
            return new DebtView(view.debtId(), view.creditorId(), view.debtorId(), view.invoiceReference(),
                    view.invoicePeriod(), view.description(), view.debtType(), view.jurisdiction(), dueDate,
                    view.registeredOn(), status, Outstanding.of(outstanding), paid, credit, plan, pause, dispute,
                    advisorId, interestAccruedThrough, freezes, limitation(view.debtType(), limitationClock, timeBarred),
                    sequenceNumber, position);
        }
    }
}
