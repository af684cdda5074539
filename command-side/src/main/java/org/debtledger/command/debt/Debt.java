package org.debtledger.command.debt;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.debtledger.audit.AuditMetadata;
import org.debtledger.command.dispute.DisputePolicy;
import org.debtledger.command.fee.FeeHistory;
import org.debtledger.command.fee.FeePolicy;
import org.debtledger.command.interest.InterestDue;
import org.debtledger.command.limitation.Limitation;
import org.debtledger.command.limitation.TimeBarPolicy;
import org.debtledger.command.payment.PaymentPolicy;
import org.debtledger.command.payment.RecordedPayment;
import org.debtledger.command.payment.ValueDateRestatement;
import org.debtledger.command.pause.Pause;
import org.debtledger.command.pause.PausePolicy;
import org.debtledger.command.plan.PaymentPlan;
import org.debtledger.command.plan.PlanPolicy;
import org.debtledger.command.policy.CollectionPolicy;
import org.debtledger.debt.AssignCase;
import org.debtledger.debt.Balance;
import org.debtledger.debt.CaseAssigned;
import org.debtledger.debt.ClaimAdjusted;
import org.debtledger.debt.CloseBusinessDay;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRecalled;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.debt.DueDateExtended;
import org.debtledger.debt.RecallDebt;
import org.debtledger.debt.RegisterDebt;
import org.debtledger.debt.WriteOffDebt;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeOutcome;
import org.debtledger.dispute.DisputeResolved;
import org.debtledger.dispute.OpenDispute;
import org.debtledger.dispute.ResolveDispute;
import org.debtledger.fee.ChargeFee;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.interest.DateRange;
import org.debtledger.interest.InterestFreezes;
import org.debtledger.interest.InterestPosted;
import org.debtledger.limitation.DebtTimeBarred;
import org.debtledger.limitation.LimitationApproaching;
import org.debtledger.money.Money;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseCollection;
import org.debtledger.pause.ResumeCollection;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.BalanceRestated;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.payment.RecordPayment;
import org.debtledger.payment.RefundCredit;
import org.debtledger.payment.ReversePayment;
import org.debtledger.payment.ValueDateOrder;
import org.debtledger.plan.AgreePaymentPlan;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.debtledger.command.debt.RuleViolation.check;

/**
 * One debt in collection. Each command handler gathers what the debt knows, asks its feature's policy (in
 * {@code fee}, {@code plan}, {@code payment}, {@code pause}, {@code dispute}, {@code limitation}, {@code interest}),
 * which refuses by a named {@link Rule} or answers the events, and applies them in order; event-sourcing handlers
 * only record what the events say. Every date comes in the command: the aggregate reads no clock.
 */
@Aggregate(snapshotTriggerDefinition = "debtSnapshotTrigger", snapshotFilter = "debtSnapshotFilter")
@Revision(Debt.SNAPSHOT_REVISION)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Debt {

    /** Raise it whenever the fields below change: snapshots of another revision are ignored, not misread. */
    public static final String SNAPSHOT_REVISION = "5";

    @AggregateIdentifier
    private DebtId debtId;
    private DebtTerms terms;
    /** The due date letters count from: the claim's own, or where an extension moved it. */
    private LocalDate dueDate;
    private DebtStatus status;
    private Balance outstanding;
    private Money credit;
    private FeeHistory fees;
    private PaymentPlan plan;
    /** The sequence number of the event that agreed the plan: a payment after it paid this plan, not an earlier one. */
    private long planAgreedAt;
    private Pause pause;
    private boolean disputed;
    /** Interest has been posted through this day; it accrues from the day after. */
    private LocalDate interestAccruedThrough;
    /** Days on which no late interest accrues: interest-freezing pauses and a kept plan. */
    private InterestFreezes interestFreezes;
    private Limitation limitation;

    protected Debt() {
        // for Axon and snapshots
    }

    @CommandHandler
    public Debt(RegisterDebt command) {
        check(command.principal().isPositive(), Rule.AMOUNT_NOT_POSITIVE, "the principal must be more than zero");
        apply(new DebtRegistered(command.debtId(), command.creditorId(), command.debtorId(),
                command.invoiceReference(), command.invoicePeriod(), command.description(), command.principal(),
                command.dueDate(), command.debtType(), command.jurisdiction(), command.directlyEnforceable(),
                command.date()));
    }

    // ---- fees: the rules are FeePolicy's -------------------------------------------------------------------------

    @CommandHandler
    public void handle(ChargeFee command, CollectionPolicy policy) {
        FeePolicy fee = feePolicy(policy);
        if (command.type() == FeeType.DUE_DATE_EXTENSION) {
            fee.extension(command, policy.of(terms.jurisdiction()).interestRunsWhileExtended(), interestAccruedThrough)
                    .forEach(AggregateLifecycle::apply);
        } else {
            apply(fee.letter(command));
        }
    }

    // ---- payment plans: the rules are PlanPolicy's ---------------------------------------------------------------

    @CommandHandler
    public void handle(AgreePaymentPlan command, CollectionPolicy policy,
                       @MetaDataValue(AuditMetadata.ACTOR_ROLE) String actorRole) {
        PlanPolicy plans = planPolicy(policy);
        plans.requireAgreeable(command);
        Optional<InterestPosted> interest = interestDue(policy).through(command.date(), outstanding.principal());
        int number = plan == null ? 1 : plan.number() + 1;
        Optional<FeeCharged> fee = feePolicy(policy).planFee(number, command.instalments().size(), command.date(),
                plans.rules().firstPlanFree());
        Money total = outstanding.total().plus(interest.map(InterestPosted::amount).orElse(zero()))
                .plus(fee.map(FeeCharged::amount).orElse(zero()));
        PaymentPlanAgreed agreed = plans.agreed(command, number, total, fee.map(FeeCharged::amount), actorRole);
        interest.ifPresent(AggregateLifecycle::apply);
        fee.ifPresent(AggregateLifecycle::apply);
        apply(agreed);
    }

    // ---- payments: the rules are PaymentPolicy's; a back-valued payment's restatement is ValueDateRestatement's

    @CommandHandler
    public void handle(RecordPayment command, CollectionPolicy policy, DebtHistory history) {
        PaymentPolicy payments = paymentPolicy(policy);
        if (payments.alreadyRecorded(command, history.payment(debtId, command.paymentId(), getVersion()))) {
            return;
        }
        payments.requireRecordable(command);
        Allocation allocation;
        if (command.valueDate().isBefore(interestAccruedThrough)) {
            ValueDateRestatement.Restated restated = restatement(policy, history).payment(command);
            apply(restated.event());
            allocation = restated.allocation();
        } else {
            interestDue(policy).through(command.valueDate(), outstanding.principal())
                    .ifPresent(AggregateLifecycle::apply);
            allocation = policy.of(terms.jurisdiction()).allocationOrder().allocate(command.amount(), outstanding);
        }
        List<InstalmentPayment> instalments = plan != null && plan.inForce()
                ? plan.allocate(command.amount().minus(allocation.credit()))
                : List.of();
        apply(new PaymentReceived(debtId, command.paymentId(), command.amount(), command.channel(), allocation,
                instalments, command.valueDate()));
        if (outstanding.isSettled()) {
            apply(new DebtSettled(debtId, command.valueDate()));
        }
    }

    @CommandHandler
    public void handle(ReversePayment command, CollectionPolicy policy, DebtHistory history) {
        Optional<RecordedPayment> recorded = history.payment(debtId, command.paymentId(), getVersion());
        apply(paymentPolicy(policy).reversal(command, recorded));
        RecordedPayment payment = recorded.orElseThrow();
        if (status == DebtStatus.OPEN) {
            interestDue(policy).earnedAgain(payment.allocation().principal(), payment.valueDate())
                    .ifPresent(AggregateLifecycle::apply);
        }
    }

    @CommandHandler
    public void handle(RefundCredit command, CollectionPolicy policy) {
        apply(paymentPolicy(policy).refund(command));
    }

    // ---- pauses and disputes: the rules are PausePolicy's and DisputePolicy's ------------------------------------

    @CommandHandler
    public void handle(PauseCollection command, CollectionPolicy policy) {
        apply(pausePolicy(policy).pause(command));
    }

    @CommandHandler
    public void handle(ResumeCollection command, CollectionPolicy policy) {
        apply(pausePolicy(policy).resume(command));
    }

    @CommandHandler
    public void handle(OpenDispute command, CollectionPolicy policy) {
        DebtDisputed disputed = disputePolicy(policy).open(command);
        Optional<CollectionPaused> paused = pausePolicy(policy).forDispute(command.date());
        apply(disputed);
        paused.ifPresent(AggregateLifecycle::apply);
    }

    /** An upheld dispute writes the debt off, or with an adjustment reduces its principal; either ends its pause. */
    @CommandHandler
    public void handle(ResolveDispute command, CollectionPolicy policy) {
        disputePolicy(policy).requireResolvable(command);
        Optional<InterestPosted> interest = command.adjustment() == null ? Optional.empty()
                : interestDue(policy).through(command.date(), outstanding.principal());
        Optional<CollectionResumed> resumed = pausePolicy(policy).disputeResolved(command.date());
        apply(new DisputeResolved(debtId, command.outcome(), command.date()));
        if (command.outcome() == DisputeOutcome.UPHELD && command.adjustment() == null) {
            apply(new DebtWrittenOff(debtId, outstanding, "dispute upheld", command.date()));
            return;
        }
        resumed.ifPresent(AggregateLifecycle::apply);
        if (command.outcome() == DisputeOutcome.UPHELD) {
            interest.ifPresent(AggregateLifecycle::apply);
            apply(new ClaimAdjusted(debtId, command.adjustment(), "dispute upheld in part", command.date()));
            if (outstanding.isSettled()) {
                apply(new DebtSettled(debtId, command.date()));
            }
        }
    }

    // ---- closing a debt and assigning the case -------------------------------------------------------------------

    @CommandHandler
    public void handle(WriteOffDebt command, CollectionPolicy policy) {
        standing(policy).requireOpenOn(command.date());
        apply(new DebtWrittenOff(debtId, outstanding, command.reason(), command.date()));
    }

    @CommandHandler
    public void handle(RecallDebt command, CollectionPolicy policy) {
        standing(policy).requireOpenOn(command.date());
        apply(new DebtRecalled(debtId, outstanding, command.reason(), command.date()));
    }

    @CommandHandler
    public void handle(AssignCase command, CollectionPolicy policy) {
        standing(policy).requireRegisteredBy(command.date());
        apply(new CaseAssigned(debtId, command.advisorId(), command.date()));
    }

    // ---- close of business ---------------------------------------------------------------------------------------

    /**
     * The day's time-driven work, in this order: month-end interest (computed first, so a missing reference
     * rate refuses the whole day for this debt), ended pauses, missed instalments and broken plans.
     * Running the same date twice changes nothing the second time.
     */
    @CommandHandler
    public void handle(CloseBusinessDay command, CollectionPolicy policy, DebtHistory history) {
        LocalDate date = command.date();
        if (status != DebtStatus.OPEN || date.isBefore(terms.registeredOn())) {
            return;
        }
        timeBarPolicy(policy).closeOfBusiness(date).ifPresent(AggregateLifecycle::apply);
        boolean monthEnd = date.equals(YearMonth.from(date).atEndOfMonth());
        Optional<InterestPosted> interest = monthEnd
                ? interestDue(policy).through(date, outstanding.principal())
                : Optional.empty();
        Optional<BalanceRestated> restated = monthEnd && date.isBefore(interestAccruedThrough)
                ? restatement(policy, history).lateClose(date)
                : Optional.empty();

        pausePolicy(policy).endedBy(date).forEach(AggregateLifecycle::apply);
        planPolicy(policy).missesOn(date).forEach(AggregateLifecycle::apply);
        interest.ifPresent(AggregateLifecycle::apply);
        restated.ifPresent(AggregateLifecycle::apply);
    }

    // ---- shared checks and calculations --------------------------------------------------------------------------

    /** Where the debt stands today, for the rules every feature shares. */
    private Standing standing(CollectionPolicy policy) {
        return new Standing(status, terms.registeredOn(), terms.principal().currency(), disputed,
                limitation.timeBarred(), timeBarPolicy(policy).limitationDate(), pause);
    }

    private TimeBarPolicy timeBarPolicy(CollectionPolicy policy) {
        return new TimeBarPolicy(debtId, terms.debtType(), limitation, policy.limitation());
    }

    private FeePolicy feePolicy(CollectionPolicy policy) {
        return new FeePolicy(debtId, terms, dueDate, fees, policy.of(terms.jurisdiction()).fees().get(terms.debtType()),
                standing(policy));
    }

    private PausePolicy pausePolicy(CollectionPolicy policy) {
        return new PausePolicy(debtId, policy.of(terms.jurisdiction()).pauses(), standing(policy));
    }

    private DisputePolicy disputePolicy(CollectionPolicy policy) {
        return new DisputePolicy(debtId, outstanding.principal(), standing(policy));
    }

    private PlanPolicy planPolicy(CollectionPolicy policy) {
        return new PlanPolicy(debtId, policy.of(terms.jurisdiction()).plans(), plan, standing(policy));
    }

    private PaymentPolicy paymentPolicy(CollectionPolicy policy) {
        return new PaymentPolicy(debtId, standing(policy), credit, plan == null ? null : planAgreedAt);
    }

    private InterestDue interestDue(CollectionPolicy policy) {
        return new InterestDue(debtId, terms.debtType(), interestAccruedThrough, interestFreezes, policy.lateInterest());
    }

    /** The debt's facts so far, for a fact dated before interest already posted. */
    private ValueDateRestatement restatement(CollectionPolicy policy, DebtHistory history) {
        return new ValueDateRestatement(debtId,
                new ValueDateOrder(policy.lateInterest(), policy.of(terms.jurisdiction()).allocationOrder()),
                new ValueDateOrder.Claim(terms.principal(), terms.dueDate(), terms.debtType(), interestFreezes.ranges()),
                ValueDateOrder.factsOf(history.events(debtId, getVersion())));
    }

    private Money zero() {
        return Money.zero(terms.principal().currency());
    }

    // ---- event-sourcing handlers: they only record what the events say -------------------------------------------

    @EventSourcingHandler
    void on(DebtRegistered event) {
        debtId = event.debtId();
        terms = new DebtTerms(event.creditorId(), event.debtorId(), event.principal(), event.dueDate(),
                event.debtType(), event.jurisdiction(), event.directlyEnforceable(), event.date());
        dueDate = event.dueDate();
        status = DebtStatus.OPEN;
        outstanding = Balance.zero(event.principal().currency()).withPrincipal(event.principal());
        credit = Money.zero(event.principal().currency());
        fees = FeeHistory.NONE;
        interestAccruedThrough = event.dueDate();
        interestFreezes = InterestFreezes.NONE;
        limitation = Limitation.dueOn(event.dueDate());
    }

    @EventSourcingHandler
    void on(FeeCharged event) {
        outstanding = outstanding.withFees(outstanding.fees().plus(event.amount()));
        if (event.type() == FeeType.DEMAND) {
            limitation = limitation.demanded(event.date());
        }
        fees = fees.charged(event);
    }

    @EventSourcingHandler
    void on(DueDateExtended event) {
        dueDate = event.dueDate();
        limitation = limitation.dueDateMoved(event.dueDate());
        if (event.interestFrozenFrom() != null) {
            interestFreezes = interestFreezes.frozen(new DateRange(event.interestFrozenFrom(), event.dueDate()));
        }
    }

    @EventSourcingHandler
    void on(InterestPosted event) {
        outstanding = outstanding.withInterest(outstanding.interest().plus(event.amount()));
        if (event.date().isAfter(interestAccruedThrough)) {
            interestAccruedThrough = event.date();
        }
    }

    @EventSourcingHandler
    void on(PaymentPlanAgreed event, @SequenceNumber long sequenceNumber) {
        planAgreedAt = sequenceNumber;
        plan = PaymentPlan.agreed(event.planNumber(), event.instalments(), event.interestFrozen());
        limitation = limitation.planAgreed(event.date());
        if (event.interestFrozen()) {
            interestFreezes = interestFreezes.planKept(event.date().plusDays(1));
        }
    }

    @EventSourcingHandler
    void on(PaymentReceived event) {
        Allocation allocation = event.allocation();
        outstanding = outstanding.paidBy(allocation);
        credit = credit.plus(allocation.credit());
        limitation = limitation.paid(event.date());
        if (!event.instalments().isEmpty()) {
            plan = plan.paid(event.instalments());
            if (!plan.inForce()) {
                interestFreezes = interestFreezes.planEnded(event.date());
            }
        }
    }

    @EventSourcingHandler
    void on(BalanceRestated event) {
        outstanding = new Balance(outstanding.fees().plus(event.fees()), outstanding.interest().plus(event.interest()),
                outstanding.principal().plus(event.principal()));
        credit = credit.plus(event.credit());
    }

    @EventSourcingHandler
    void on(PaymentReversed event) {
        outstanding = outstanding.restoredBy(event.restored());
        credit = credit.minus(event.restored().credit());
        if (!event.instalments().isEmpty()) {
            boolean wasInForce = plan.inForce();
            plan = plan.reversed(event.instalments());
            if (!wasInForce && plan.inForce() && plan.interestFrozen()) {
                interestFreezes = interestFreezes.planKept(event.date().plusDays(1));
            }
        }
        if (status == DebtStatus.SETTLED && !outstanding.isSettled()) {
            status = DebtStatus.OPEN;
        }
    }

    @EventSourcingHandler
    void on(CreditRefunded event) {
        credit = credit.minus(event.amount());
    }

    @EventSourcingHandler
    void on(InstalmentMissed event) {
        plan = plan.missed(event.instalmentNumber());
    }

    @EventSourcingHandler
    void on(PaymentPlanBroken event) {
        plan = plan.asBroken();
        interestFreezes = interestFreezes.planEnded(event.date());
    }

    @EventSourcingHandler
    void on(CollectionPaused event) {
        pause = new Pause(event.reason(), event.date(), event.until(), event.freezes());
        if (event.freezes().contains(Freeze.INTEREST)) {
            interestFreezes = interestFreezes.paused(event.date(), event.until());
        }
    }

    @EventSourcingHandler
    void on(CollectionResumed event) {
        interestFreezes = interestFreezes.pauseEnded(event.date());
        pause = null;
    }

    @EventSourcingHandler
    void on(DebtDisputed event) {
        disputed = true;
    }

    @EventSourcingHandler
    void on(DisputeResolved event) {
        disputed = false;
    }

    @EventSourcingHandler
    void on(ClaimAdjusted event) {
        outstanding = outstanding.withPrincipal(outstanding.principal().minus(event.principalReduction()));
    }

    @EventSourcingHandler
    void on(DebtSettled event) {
        status = DebtStatus.SETTLED;
        interestFreezes = interestFreezes.planEnded(event.date());
    }

    @EventSourcingHandler
    void on(DebtWrittenOff event) {
        closedAs(DebtStatus.WRITTEN_OFF);
    }

    @EventSourcingHandler
    void on(DebtRecalled event) {
        closedAs(DebtStatus.RECALLED);
    }

    /** Written off or recalled: nothing is owed any more, and what was is in the event. */
    private void closedAs(DebtStatus closed) {
        status = closed;
        outstanding = Balance.zero(credit.currency());
    }

    @EventSourcingHandler
    void on(LimitationApproaching event) {
        limitation = limitation.announced(event.limitationDate());
    }

    @EventSourcingHandler
    void on(DebtTimeBarred event) {
        limitation = limitation.barred();
        interestFreezes = interestFreezes.frozen(DateRange.openFrom(event.limitationDate().plusDays(1)));
    }

    @EventSourcingHandler
    void on(CaseAssigned event) {
        // the assignment matters to the read side only
    }

}
