package org.debtledger.query.queue;

import org.debtledger.callback.CallBackRequested;
import org.debtledger.contact.ContactChannel;
import org.debtledger.contact.ContactOutcome;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.debt.CaseAssigned;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtRecalled;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeResolved;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.limitation.DebtTimeBarred;
import org.debtledger.limitation.LimitationApproaching;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.query.projection.EventDispatch;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One debt's part of the advisor queue: its row of {@code work_debt} and all its work items, open and closed.
 * Work is raised from the debt's events and closed when its cause is resolved: a missed instalment when it is
 * paid, a broken plan when a new one is agreed, a dispute when it is resolved, an ending pause when collection
 * resumes, a reversal at the next payment, credit when it is refunded, a silent new debt and a debtor's call-back
 * at a contact that reached the debtor (taking the case is no contact), a broken promise to pay when a later promise
 * is kept or a plan is agreed (a promise broken again replaces it).
 * Keyed on the debt's sequence number, so an event delivered again changes nothing. Immutable: an event gives
 * a new queue, so an event that fails leaves the one before it as it was.
 */
public final class DebtWorkItems {

    /**
     * The debt's row: the last of its events applied, what its new work items are given, and the last contact with
     * the debtor about it (null before the first).
     */
    record Debt(String debtId, String creditorId, String advisorId, long sequenceNumber, Integer planNumber,
                LastContact lastContact) {
    }

    // ---- the contact log
    /** The last contact about a debt: its day, how, and what came of it. Every item of the debt shows it. */
    public record LastContact(LocalDate date, ContactChannel channel, ContactOutcome outcome) {
    }

    /** What each kind of event does to the queue; any other event only moves the debt's sequence on. */
    private static final EventDispatch<Change> EVENTS = new EventDispatch<Change>()
            .on(PaymentPlanAgreed.class, Change::planAgreed)
            .on(PaymentReceived.class, Change::paymentReceived)
            .on(FeeCharged.class, Change::feeCharged)
            .on(LimitationApproaching.class, Change::limitationApproaching)
            .on(DebtTimeBarred.class, (change, barred) -> change.close(WorkType.LIMITATION_APPROACHING))
            .on(InstalmentMissed.class, Change::instalmentMissed)
            .on(PaymentPlanBroken.class, Change::planBroken)
            .on(DebtDisputed.class, Change::disputed)
            .on(DisputeResolved.class, (change, resolved) -> change.close(WorkType.DISPUTE_OPENED))
            .on(CollectionPaused.class, Change::collectionPaused)
            .on(CollectionResumed.class, (change, resumed) -> change.close(WorkType.PAUSE_ENDING))
            .on(PaymentReversed.class, Change::paymentReversed)
            .on(CreditRefunded.class, (change, refunded) -> change.reduce(WorkType.OVERPAYMENT_TO_REFUND,
                    refunded.amount().minorUnits()))
            .on(CallBackRequested.class, Change::callBackRequested)
            .on(CaseAssigned.class, Change::caseAssigned)
            .on(ContactRecorded.class, Change::contactRecorded)
            // ---- promises to pay
            .on(PromiseBroken.class, Change::promiseBroken)
            .on(PromiseKept.class, (change, kept) -> change.close(WorkType.PROMISE_BROKEN))
            .on(DebtSettled.class, (change, settled) -> change.ended())
            .on(DebtWrittenOff.class, (change, writtenOff) -> change.ended())
            .on(DebtRecalled.class, (change, recalled) -> change.ended());

    private final String debtId;
    private final Debt debt;
    private final Map<String, WorkItemRow> items;

    /** The queue of a debt as stored: {@code debt} is null when no event of it has been applied. */
    DebtWorkItems(String debtId, Debt debt, Collection<WorkItemRow> items) {
        this.debtId = debtId;
        this.debt = debt;
        this.items = new LinkedHashMap<>();
        items.forEach(item -> this.items.put(item.itemId(), item));
    }

    private DebtWorkItems(String debtId, Debt debt, Map<String, WorkItemRow> items) {
        this.debtId = debtId;
        this.debt = debt;
        this.items = items;
    }

    String debtId() {
        return debtId;
    }

    Debt debt() {
        return debt;
    }

    Collection<WorkItemRow> items() {
        return items.values();
    }

    WorkItemRow item(String itemId) {
        return items.get(itemId);
    }

    /**
     * The queue after the debt's event at {@code sequenceNumber}, stored at {@code position}: this queue when the
     * event was applied before.
     */
    DebtWorkItems after(DebtEvent event, long sequenceNumber, long position) {
        Change change = new Change(event, sequenceNumber, position);
        return change.apply() ? new DebtWorkItems(debtId, change.debt, change.items) : this;
    }

    /** One event applied to a copy of the queue. */
    private final class Change {
        private final DebtEvent event;
        private final long sequenceNumber;
        private final long position;
        private Debt debt = DebtWorkItems.this.debt;
        private final Map<String, WorkItemRow> items = new LinkedHashMap<>(DebtWorkItems.this.items);

        Change(DebtEvent event, long sequenceNumber, long position) {
            this.event = event;
            this.sequenceNumber = sequenceNumber;
            this.position = position;
        }

        /** False when the event changes nothing: applied before, or of a debt not registered. */
        boolean apply() {
            if (event instanceof DebtRegistered registered) {
                if (debt != null) {
                    return false;
                }
                registered(registered);
                return true;
            }
            if (!claimSequence()) {
                return false;
            }
            EVENTS.apply(this, event);
            return true;
        }

        private void registered(DebtRegistered registered) {
            debt = new Debt(debtId, registered.creditorId().value(), null, sequenceNumber, null, null);
            LocalDate quietUntil = registered.date().plusDays(14);
            raise(WorkType.NO_PLAN_NO_CONTACT, "no-contact", quietUntil, quietUntil,
                    "no plan and no contact 14 days after the debt was registered", null);
        }

        private void planAgreed(PaymentPlanAgreed agreed) {
            close(WorkType.NO_PLAN_NO_CONTACT);
            close(WorkType.PLAN_BROKEN);
            close(WorkType.LIMITATION_APPROACHING);
            close(WorkType.PROMISE_BROKEN);
            debt = new Debt(debtId, debt.creditorId(), debt.advisorId(), debt.sequenceNumber(), agreed.planNumber(),
                    debt.lastContact());
        }

        private void paymentReceived(PaymentReceived payment) {
            close(WorkType.NO_PLAN_NO_CONTACT);
            close(WorkType.PAYMENT_REVERSED);
            close(WorkType.LIMITATION_APPROACHING);
            payInstalments(payment.instalments(), 1);
            if (payment.allocation().credit().isPositive()) {
                raiseOrAdd(WorkType.OVERPAYMENT_TO_REFUND, "credit", payment.date(),
                        "credit of " + payment.allocation().credit() + " to pay back to the debtor",
                        payment.allocation().credit().minorUnits());
            }
        }

        private void feeCharged(FeeCharged fee) {
            if (fee.type() == FeeType.DEMAND) {
                close(WorkType.LIMITATION_APPROACHING); // a demand restarts limitation
            }
        }

        private void limitationApproaching(LimitationApproaching approaching) {
            raise(WorkType.LIMITATION_APPROACHING, "limitation-" + approaching.limitationDate(),
                    approaching.limitationDate(), approaching.date(), "the claim is time-barred after "
                            + approaching.limitationDate() + " unless a payment, a plan or a demand restarts it", null);
        }

        private void instalmentMissed(InstalmentMissed missed) {
            raise(WorkType.INSTALMENT_MISSED, "plan-" + missed.planNumber() + "-instalment-" + missed.instalmentNumber(),
                    missed.date().plusDays(WorkType.INSTALMENT_MISSED.daysToAct), missed.date(),
                    "instalment " + missed.instalmentNumber() + " due " + missed.dueDate() + " was missed: "
                            + missed.unpaid() + " unpaid", missed.unpaid().minorUnits());
        }

        private void planBroken(PaymentPlanBroken broken) {
            close(WorkType.INSTALMENT_MISSED);
            raise(WorkType.PLAN_BROKEN, "plan-" + broken.planNumber() + "-broken",
                    broken.date().plusDays(WorkType.PLAN_BROKEN.daysToAct), broken.date(),
                    "plan " + broken.planNumber() + " broke after " + broken.missedInstalments()
                            + " missed instalments: the balance is due", null);
        }

        private void disputed(DebtDisputed disputed) {
            close(WorkType.NO_PLAN_NO_CONTACT);
            raise(WorkType.DISPUTE_OPENED, "dispute-" + sequenceNumber,
                    disputed.date().plusDays(WorkType.DISPUTE_OPENED.daysToAct), disputed.date(),
                    "disputed: " + disputed.reason(), null);
        }

        private void collectionPaused(CollectionPaused paused) {
            if (paused.until() != null) {
                raise(WorkType.PAUSE_ENDING, "pause-" + sequenceNumber, paused.until(), paused.until().minusDays(7),
                        "the pause for " + paused.reason() + " ends on " + paused.until(), null);
            }
        }

        private void paymentReversed(PaymentReversed reversed) {
            raise(WorkType.PAYMENT_REVERSED, "reversal-" + reversed.paymentId(),
                    reversed.date().plusDays(WorkType.PAYMENT_REVERSED.daysToAct), reversed.date(),
                    "payment " + reversed.paymentId() + " of " + reversed.amount() + " was reversed: "
                            + reversed.reason(), null);
            reduce(WorkType.OVERPAYMENT_TO_REFUND, reversed.restored().credit().minorUnits());
            payInstalments(reversed.instalments(), -1);
        }

        /** Work on the day the debtor asked for, seen from the day they asked. */
        private void callBackRequested(CallBackRequested requested) {
            raise(WorkType.CALL_BACK, "call-back-" + sequenceNumber, requested.on(), requested.date(),
                    "the debtor asks to be called back on " + requested.on() + " between " + requested.from()
                            + " and " + requested.to(), null);
        }

        /** Due at once, for the case's advisor, saying how much arrived of how much; an earlier one is replaced. */
        private void promiseBroken(PromiseBroken broken) {
            close(WorkType.PROMISE_BROKEN);
            raise(WorkType.PROMISE_BROKEN, "promise-" + broken.number() + "-broken", broken.date(), broken.date(),
                    "promise " + broken.number() + " to pay " + broken.amount() + " was broken: "
                            + (broken.arrived().isZero() ? "nothing arrived" : "only " + broken.arrived() + " arrived"),
                    broken.amount().minus(broken.arrived()).minorUnits());
        }

        /** An advisor who takes the case takes its work; taking it is no contact, so nothing of it is closed. */
        private void caseAssigned(CaseAssigned assigned) {
            String advisorId = assigned.advisorId().value();
            debt = new Debt(debtId, debt.creditorId(), advisorId, debt.sequenceNumber(), debt.planNumber(),
                    debt.lastContact());
            items.replaceAll((id, item) -> item.open() ? item.assigned(advisorId, position) : item);
        }

        /**
         * Every contact is the debt's last one. One that reached the debtor (they made it, or answered) is the
         * contact a silent new debt waited for, and answers the call-backs asked for before it.
         */
        private void contactRecorded(ContactRecorded contact) {
            debt = new Debt(debtId, debt.creditorId(), debt.advisorId(), debt.sequenceNumber(), debt.planNumber(),
                    new LastContact(contact.date(), contact.channel(), contact.outcome()));
            if (contact.reachedTheDebtor()) {
                close(WorkType.NO_PLAN_NO_CONTACT);
                close(WorkType.CALL_BACK);
            }
        }

        /** Settled, written off or recalled: nothing is left to do but refund credit. */
        private void ended() {
            for (WorkType type : WorkType.values()) {
                if (type != WorkType.OVERPAYMENT_TO_REFUND) {
                    close(type);
                }
            }
        }

        /** Moves the debt's sequence forward; false when this event was applied before, or the debt is unknown. */
        private boolean claimSequence() {
            if (debt == null || debt.sequenceNumber() >= sequenceNumber) {
                return false;
            }
            debt = new Debt(debtId, debt.creditorId(), debt.advisorId(), sequenceNumber, debt.planNumber(),
                    debt.lastContact());
            return true;
        }

        /** New work for the debt's creditor and advisor, unless an item of the same key was ever raised and kept. */
        private void raise(WorkType type, String key, LocalDate dueDate, LocalDate visibleFrom, String reason,
                           Long remaining) {
            items.putIfAbsent(debtId + ":" + key, new WorkItemRow(debtId + ":" + key, debtId, debt.creditorId(),
                    debt.advisorId(), type, type.priority, dueDate, visibleFrom, reason, true, remaining, position,
                    position));
        }

        /** Adds to the open item of the key, or raises it afresh in place of a closed one. */
        private void raiseOrAdd(WorkType type, String key, LocalDate date, String reason, long amount) {
            WorkItemRow item = items.get(debtId + ":" + key);
            if (item != null && item.open()) {
                items.put(item.itemId(), item.added(amount, reason, position));
            } else {
                items.remove(debtId + ":" + key);
                raise(type, key, date.plusDays(type.daysToAct), date, reason, amount);
            }
        }

        private void reduce(WorkType type, long amount) {
            if (amount <= 0) {
                return;
            }
            items.replaceAll((id, item) -> item.type() == type && item.open() ? item.reduced(amount, position) : item);
        }

        /**
         * A payment ({@code sign} 1) reduces what is unpaid of missed instalments of the debt's current plan and
         * closes those paid; its reversal ({@code sign} -1) adds it back and opens them again.
         */
        private void payInstalments(List<InstalmentPayment> payments, int sign) {
            if (debt.planNumber() == null) {
                return;
            }
            for (InstalmentPayment payment : payments) {
                WorkItemRow item = items.get(debtId + ":plan-" + debt.planNumber() + "-instalment-" + payment.instalmentNumber());
                if (item != null && item.type() == WorkType.INSTALMENT_MISSED) {
                    items.put(item.itemId(), item.reduced(sign * payment.amount().minorUnits(), position));
                }
            }
        }

        private void close(WorkType type) {
            items.replaceAll((id, item) -> item.type() == type && item.open() ? item.closed(position) : item);
        }
    }
}
