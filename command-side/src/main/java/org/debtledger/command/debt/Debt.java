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
import org.debtledger.callback.RequestCallBack;
import org.debtledger.command.contact.ContactPolicy;
import org.debtledger.command.contact.DebtorContacts;
import org.debtledger.command.dispute.DisputePolicy;
import org.debtledger.command.fee.ExtensionQuote;
import org.debtledger.command.fee.FeePolicy;
import org.debtledger.command.payment.PaymentPolicy;
import org.debtledger.command.payment.RecordedPayment;
import org.debtledger.command.payment.ValueDateRestatement;
import org.debtledger.command.pause.PausePolicy;
import org.debtledger.command.plan.PlanPolicy;
import org.debtledger.command.plan.PlanQuote;
import org.debtledger.command.policy.CollectionPolicy;
import org.debtledger.contact.ContactId;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.contact.RecordContact;
import org.debtledger.debt.AssignCase;
import org.debtledger.debt.CaseAssigned;
import org.debtledger.debt.ClaimAdjusted;
import org.debtledger.debt.CloseBusinessDay;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRecalled;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtStanding;
import org.debtledger.debt.DebtStatus;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.debt.DebtorId;
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
import org.debtledger.interest.InterestPosted;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.pause.PauseCollection;
import org.debtledger.pause.ResumeCollection;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.BalanceRestated;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.RecordPayment;
import org.debtledger.payment.RefundCredit;
import org.debtledger.payment.ReversePayment;
import org.debtledger.plan.AgreePaymentPlan;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.promise.MakePromiseToPay;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.debtledger.command.debt.RuleViolation.check;

/**
 * One debt in collection. Each command handler asks its feature's policy (in {@code fee}, {@code plan},
 * {@code payment}, {@code pause}, {@code dispute}, {@code callback}, {@code promise}, {@code contact},
 * {@code limitation}, {@code interest}), built from what the debt knows ({@link DebtState}), which refuses by a named
 * {@link Rule} or answers the events, and applies them in order; the event-sourcing handler only folds what the events
 * say. Every date comes in the command: the aggregate reads no clock.
 */
@Aggregate(snapshotTriggerDefinition = "debtSnapshotTrigger", snapshotFilter = "debtSnapshotFilter", cache = "debtCache")
@Revision(Debt.SNAPSHOT_REVISION)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Debt {

    /** Raise it whenever these fields or DebtState's change: snapshots of another revision are ignored, not misread. */
    public static final String SNAPSHOT_REVISION = "9";

    @AggregateIdentifier
    private DebtId debtId;
    private DebtState state;

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
        FeePolicy fee = state.feePolicy(policy);
        if (command.type() == FeeType.DUE_DATE_EXTENSION) {
            fee.extension(command, policy.of(state.terms().jurisdiction()).interestRunsWhileExtended(),
                    standing().interestAccruedThrough()).forEach(AggregateLifecycle::apply);
        } else {
            FeeCharged charged = fee.letter(command);
            // ---- the contact log: the letter charged for is a contact, named after its fee's sequence number
            ContactRecorded letter = state.contactPolicy(policy)
                    .letter(new ContactId(ContactPolicy.LETTER + (getVersion() + 1)), command.date());
            apply(charged);
            apply(letter);
        }
    }

    /**
     * What moving the due date by {@code days} on {@code date} would do and cost, by the rules a due-date extension
     * is charged by; nothing is applied. A debtor asks it before asking for the extension.
     */
    public ExtensionQuote quoteExtension(int days, LocalDate date, CollectionPolicy policy) {
        return ExtensionQuote.of(debtId.value(), date, days, state.feePolicy(policy).extension(
                new ChargeFee(debtId, FeeType.DUE_DATE_EXTENSION, null, days, date),
                policy.of(state.terms().jurisdiction()).interestRunsWhileExtended(),
                standing().interestAccruedThrough()));
    }

    /** Whose debt it is: the debtor reference it is owed under. */
    public DebtorId debtorId() {
        return state.terms().debtorId();
    }

    // ---- payment plans: the rules are PlanPolicy's ---------------------------------------------------------------

    @CommandHandler
    public void handle(AgreePaymentPlan command, CollectionPolicy policy,
                       @MetaDataValue(AuditMetadata.ACTOR_ROLE) String actorRole) {
        PlanPolicy plans = state.planPolicy(policy);
        plans.requireAgreeable(command);
        PlanTerms terms = PlanTerms.of(state, command.instalments().size(), command.date(), policy);
        PaymentPlanAgreed agreed = plans.agreed(command, terms.number(), terms.total(),
                terms.fee().map(FeeCharged::amount), actorRole);
        terms.interest().ifPresent(AggregateLifecycle::apply);
        terms.fee().ifPresent(AggregateLifecycle::apply);
        apply(agreed);
    }

    /**
     * What a plan of {@code instalments} agreed on {@code date} would have to cover, its fee, and the least an
     * instalment may be; nothing is applied. The advisor's plan form and a debtor asking for a plan read it first.
     */
    public PlanQuote quotePlan(int instalments, LocalDate date, CollectionPolicy policy) {
        return PlanTerms.of(state, instalments, date, policy).quote(state, instalments, date, policy);
    }

    // ---- payments: the rules are PaymentPolicy's; a back-valued payment's restatement is ValueDateRestatement's

    @CommandHandler
    public void handle(RecordPayment command, CollectionPolicy policy, DebtHistory history) {
        PaymentPolicy payments = state.paymentPolicy(policy);
        if (payments.alreadyRecorded(command, state.payment(command.paymentId(), history, getVersion()))) {
            return;
        }
        payments.requireRecordable(command);
        Allocation allocation;
        if (command.valueDate().isBefore(standing().interestAccruedThrough())) {
            ValueDateRestatement.Restated restated = state.restatement(policy, history.events(debtId, getVersion()))
                    .payment(command);
            apply(restated.event());
            allocation = restated.allocation();
        } else {
            state.interestDue(policy).through(command.valueDate(), state.principal())
                    .ifPresent(AggregateLifecycle::apply);
            allocation = policy.of(state.terms().jurisdiction()).allocationOrder()
                    .allocate(command.amount(), standing().outstanding());
        }
        List<InstalmentPayment> instalments = standing().plan() != null && standing().plan().inForce()
                ? standing().plan().allocate(command.amount().minus(allocation.credit()))
                : List.of();
        apply(new PaymentReceived(debtId, command.paymentId(), command.amount(), command.channel(), allocation,
                instalments, command.valueDate()));
        state.promisePolicy(policy).keptBy(command.valueDate(), standing().outstanding().isSettled())
                .ifPresent(AggregateLifecycle::apply);
        if (standing().outstanding().isSettled()) {
            apply(new DebtSettled(debtId, command.valueDate()));
        }
    }

    @CommandHandler
    public void handle(ReversePayment command, CollectionPolicy policy, DebtHistory history) {
        Optional<RecordedPayment> recorded = state.payment(command.paymentId(), history, getVersion());
        apply(state.paymentPolicy(policy).reversal(command, recorded));
        RecordedPayment payment = recorded.orElseThrow();
        if (standing().status() == DebtStatus.OPEN) {
            state.interestDue(policy).earnedAgain(payment.allocation().principal(), payment.valueDate())
                    .ifPresent(AggregateLifecycle::apply);
        }
    }

    @CommandHandler
    public void handle(RefundCredit command, CollectionPolicy policy) {
        apply(state.paymentPolicy(policy).refund(command));
    }

    // ---- pauses and disputes: the rules are PausePolicy's and DisputePolicy's ------------------------------------

    @CommandHandler
    public void handle(PauseCollection command, CollectionPolicy policy) {
        apply(state.pausePolicy(policy).pause(command));
    }

    @CommandHandler
    public void handle(ResumeCollection command, CollectionPolicy policy) {
        apply(state.pausePolicy(policy).resume(command));
    }

    @CommandHandler
    public void handle(OpenDispute command, CollectionPolicy policy) {
        DebtDisputed disputed = state.disputePolicy(policy).open(command);
        Optional<CollectionPaused> paused = state.pausePolicy(policy).forDispute(command.date());
        apply(disputed);
        paused.ifPresent(AggregateLifecycle::apply);
    }

    /** An upheld dispute writes the debt off, or with an adjustment reduces its principal; either ends its pause. */
    @CommandHandler
    public void handle(ResolveDispute command, CollectionPolicy policy) {
        state.disputePolicy(policy).requireResolvable(command);
        Optional<InterestPosted> interest = command.adjustment() == null ? Optional.empty()
                : state.interestDue(policy).through(command.date(), state.principal());
        Optional<CollectionResumed> resumed = state.pausePolicy(policy).disputeResolved(command.date());
        apply(new DisputeResolved(debtId, command.outcome(), command.date()));
        if (command.outcome() == DisputeOutcome.UPHELD && command.adjustment() == null) {
            apply(new DebtWrittenOff(debtId, standing().outstanding(), "dispute upheld", command.date()));
            return;
        }
        resumed.ifPresent(AggregateLifecycle::apply);
        if (command.outcome() == DisputeOutcome.UPHELD) {
            interest.ifPresent(AggregateLifecycle::apply);
            apply(new ClaimAdjusted(debtId, command.adjustment(), "dispute upheld in part", command.date()));
            if (standing().outstanding().isSettled()) {
                apply(new DebtSettled(debtId, command.date()));
            }
        }
    }

    // ---- a debtor's call-back: the rules are CallBackPolicy's ------------------------------------------------------

    @CommandHandler
    public void handle(RequestCallBack command, CollectionPolicy policy) {
        apply(state.callBackPolicy(policy).requested(command));
    }

    // ---- promises to pay: the rules are PromisePolicy's; a payment keeps one, close of business breaks one -------

    @CommandHandler
    public void handle(MakePromiseToPay command, CollectionPolicy policy) {
        apply(state.promisePolicy(policy).made(command));
    }

    // ---- the contact log: the rules are ContactPolicy's ------------------------------------------------------------

    @CommandHandler
    public void handle(RecordContact command, CollectionPolicy policy, DebtorContacts contacts, DebtHistory history) {
        ContactPolicy contact = state.contactPolicy(policy);
        if (contact.alreadyRecorded(command, history.contact(debtId, command.contactId(), getVersion()))) {
            return;
        }
        contact.recorded(command, contacts).forEach(AggregateLifecycle::apply);
    }

    // ---- closing a debt and assigning the case -------------------------------------------------------------------

    @CommandHandler
    public void handle(WriteOffDebt command, CollectionPolicy policy) {
        state.checks(policy).requireOpenOn(command.date());
        apply(new DebtWrittenOff(debtId, standing().outstanding(), command.reason(), command.date()));
    }

    @CommandHandler
    public void handle(RecallDebt command, CollectionPolicy policy) {
        state.checks(policy).requireOpenOn(command.date());
        apply(new DebtRecalled(debtId, standing().outstanding(), command.reason(), command.date()));
    }

    @CommandHandler
    public void handle(AssignCase command, CollectionPolicy policy) {
        state.checks(policy).requireRegisteredBy(command.date());
        apply(new CaseAssigned(debtId, command.advisorId(), command.date()));
    }

    // ---- close of business ---------------------------------------------------------------------------------------

    /**
     * The day's time-driven work, in this order: month-end interest (computed first, so a missing reference
     * rate refuses the whole day for this debt), ended pauses, missed instalments and broken plans, broken promises.
     * Running the same date twice changes nothing the second time.
     */
    @CommandHandler
    public void handle(CloseBusinessDay command, CollectionPolicy policy, DebtHistory history) {
        LocalDate date = command.date();
        if (standing().status() != DebtStatus.OPEN || date.isBefore(state.terms().registeredOn())) {
            return;
        }
        state.timeBarPolicy(policy).closeOfBusiness(date).ifPresent(AggregateLifecycle::apply);
        boolean monthEnd = date.equals(YearMonth.from(date).atEndOfMonth());
        Optional<InterestPosted> interest = monthEnd
                ? state.interestDue(policy).through(date, state.principal())
                : Optional.empty();
        Optional<BalanceRestated> restated = monthEnd && date.isBefore(standing().interestAccruedThrough())
                ? state.restatement(policy, history.events(debtId, getVersion())).lateClose(date)
                : Optional.empty();

        state.pausePolicy(policy).endedBy(date).forEach(AggregateLifecycle::apply);
        state.planPolicy(policy).missesOn(date).forEach(AggregateLifecycle::apply);
        state.promisePolicy(policy).brokenBy(date).ifPresent(AggregateLifecycle::apply);
        interest.ifPresent(AggregateLifecycle::apply);
        restated.ifPresent(AggregateLifecycle::apply);
    }

    /** Where the debt stands now: read again after each event applied. */
    private DebtStanding standing() {
        return state.standing();
    }

    // ---- event sourcing: what the debt knows is DebtState's fold --------------------------------------------------

    @EventSourcingHandler
    void on(DebtEvent event, @SequenceNumber long sequenceNumber) {
        if (event instanceof DebtRegistered registered) {
            debtId = registered.debtId();
            state = DebtState.registered(registered);
        } else {
            state = state.evolve(event, sequenceNumber);
        }
    }
}
