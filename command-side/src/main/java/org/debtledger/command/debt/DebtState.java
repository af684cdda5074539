package org.debtledger.command.debt;

import org.debtledger.command.callback.CallBackPolicy;
import org.debtledger.command.contact.ContactPolicy;
import org.debtledger.command.dispute.DisputePolicy;
import org.debtledger.command.fee.FeeHistory;
import org.debtledger.command.fee.FeePolicy;
import org.debtledger.command.interest.InterestDue;
import org.debtledger.command.limitation.TimeBarPolicy;
import org.debtledger.command.payment.PaymentPolicy;
import org.debtledger.command.payment.RecordedPayment;
import org.debtledger.command.payment.ValueDateRestatement;
import org.debtledger.command.pause.Pause;
import org.debtledger.command.pause.PausePolicy;
import org.debtledger.command.plan.PlanPolicy;
import org.debtledger.command.promise.OpenPromise;
import org.debtledger.command.promise.PromisePolicy;
import org.debtledger.command.policy.CollectionPolicy;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtStanding;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeResolved;
import org.debtledger.fee.FeeCharged;
import org.debtledger.limitation.LimitationApproaching;
import org.debtledger.money.Money;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.payment.ValueDateOrder;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.promise.PromiseToPayMade;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a debt knows, folded from its events, and the policies it answers to. Where it stands (balance, plan
 * progress, interest freezes, limitation clock) is {@link DebtStanding}, the fold the debt view shows too; the rest
 * only the rules need.
 *
 * @param planAgreedAt        the sequence number of the event that agreed the plan: a payment after it paid this plan
 * @param limitationAnnounced the limitation date close of business last announced: it is announced once
 * @param promise             the promise to pay not yet kept or broken, or null
 * @param promisesMade        how many promises to pay the debt has had
 * @param paymentsReceived    how many payments the debt has received, reversed or not
 */
record DebtState(DebtId debtId, DebtTerms terms, DebtStanding standing, FeeHistory fees, long planAgreedAt,
                 Pause pause, boolean disputed, LocalDate limitationAnnounced, OpenPromise promise,
                 int promisesMade, int paymentsReceived) {

    static DebtState registered(DebtRegistered registered) {
        DebtTerms terms = new DebtTerms(registered.creditorId(), registered.debtorId(), registered.principal(),
                registered.dueDate(), registered.debtType(), registered.jurisdiction(),
                registered.directlyEnforceable(), registered.date());
        return new DebtState(registered.debtId(), terms, DebtStanding.registered(registered), FeeHistory.NONE, 0,
                null, false, null, null, 0, 0);
    }

    DebtState evolve(DebtEvent event, long sequenceNumber) {
        Pause pauseNow = event instanceof CollectionPaused paused
                ? new Pause(paused.reason(), paused.date(), paused.until(), paused.freezes())
                : event instanceof CollectionResumed ? null : pause;
        return new DebtState(debtId, terms, standing.evolve(event),
                event instanceof FeeCharged fee ? fees.charged(fee) : fees,
                event instanceof PaymentPlanAgreed ? sequenceNumber : planAgreedAt,
                pauseNow,
                event instanceof DebtDisputed || disputed && !(event instanceof DisputeResolved),
                event instanceof LimitationApproaching approaching
                        ? approaching.limitationDate() : limitationAnnounced,
                promiseAfter(event), event instanceof PromiseToPayMade ? promisesMade + 1 : promisesMade,
                event instanceof PaymentReceived ? paymentsReceived + 1 : paymentsReceived);
    }

    // ---- promises to pay: a payment counts towards the open promise with what reached the claim, not its credit
    private OpenPromise promiseAfter(DebtEvent event) {
        if (event instanceof PromiseToPayMade made) {
            return OpenPromise.made(made);
        }
        if (promise == null || event instanceof PromiseKept || event instanceof PromiseBroken) {
            return null;
        }
        if (event instanceof PaymentReceived received) {
            return promise.paid(received.paymentId(), received.amount().minus(received.allocation().credit()),
                    received.date());
        }
        return event instanceof PaymentReversed reversed ? promise.reversed(reversed.paymentId()) : promise;
    }

    PromisePolicy promisePolicy(CollectionPolicy policy) {
        return new PromisePolicy(debtId, policy.of(terms.jurisdiction()).promises(), promise, promisesMade,
                standing.outstanding().total(), checks(policy));
    }

    /** What the rules every feature shares need of the debt. */
    DebtChecks checks(CollectionPolicy policy) {
        return new DebtChecks(standing.status(), terms.registeredOn(), terms.principal().currency(), disputed,
                standing.timeBarred(), timeBarPolicy(policy).limitationDate(), pause);
    }

    TimeBarPolicy timeBarPolicy(CollectionPolicy policy) {
        return new TimeBarPolicy(debtId, terms.debtType(), standing.limitation(), limitationAnnounced,
                standing.timeBarred(), policy.limitation());
    }

    FeePolicy feePolicy(CollectionPolicy policy) {
        return new FeePolicy(debtId, terms, standing.dueDate(), fees,
                policy.of(terms.jurisdiction()).fees().get(terms.debtType()), checks(policy));
    }

    PausePolicy pausePolicy(CollectionPolicy policy) {
        return new PausePolicy(debtId, policy.of(terms.jurisdiction()).pauses(), checks(policy));
    }

    DisputePolicy disputePolicy(CollectionPolicy policy) {
        return new DisputePolicy(debtId, principal(), checks(policy));
    }

    CallBackPolicy callBackPolicy(CollectionPolicy policy) {
        return new CallBackPolicy(debtId, checks(policy));
    }

    // ---- the contact log
    ContactPolicy contactPolicy(CollectionPolicy policy) {
        return new ContactPolicy(debtId, terms.debtorId(), policy.of(terms.jurisdiction()).contactLimits(), pause,
                checks(policy));
    }

    PlanPolicy planPolicy(CollectionPolicy policy) {
        return new PlanPolicy(debtId, policy.of(terms.jurisdiction()).plans(), standing.plan(), checks(policy));
    }

    /** The payment with this id among the debt's events through {@code version}: none if it has received none. */
    Optional<RecordedPayment> payment(PaymentId paymentId, DebtHistory history, long version) {
        return paymentsReceived == 0 ? Optional.empty() : history.payment(debtId, paymentId, version);
    }

    PaymentPolicy paymentPolicy(CollectionPolicy policy) {
        return new PaymentPolicy(debtId, checks(policy), standing.credit(),
                standing.plan() == null ? null : planAgreedAt);
    }

    InterestDue interestDue(CollectionPolicy policy) {
        return new InterestDue(debtId, terms.debtType(), standing.interestAccruedThrough(), standing.interestFreezes(),
                policy.lateInterest());
    }

    /** The debt's facts so far ({@code events}), for a fact dated before interest already posted. */
    ValueDateRestatement restatement(CollectionPolicy policy, List<DebtEvent> events) {
        return new ValueDateRestatement(debtId,
                new ValueDateOrder(policy.lateInterest(), policy.of(terms.jurisdiction()).allocationOrder()),
                new ValueDateOrder.Claim(terms.principal(), terms.dueDate(), terms.debtType(),
                        standing.interestFreezes().ranges()),
                ValueDateOrder.factsOf(events));
    }

    /** The principal still owed: interest accrues on it. */
    Money principal() {
        return standing.outstanding().principal();
    }

    Money zero() {
        return Money.zero(terms.principal().currency());
    }
}
