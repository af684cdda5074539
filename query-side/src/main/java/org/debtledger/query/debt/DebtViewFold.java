package org.debtledger.query.debt;

import org.debtledger.contact.ContactRecorded;
import org.debtledger.debt.CaseAssigned;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtStanding;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeResolved;
import org.debtledger.limitation.LimitationPolicy;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.money.Money;
import org.debtledger.query.debt.DebtView.Contact;
import org.debtledger.query.debt.DebtView.Dispute;
import org.debtledger.query.debt.DebtView.Pause;
import org.debtledger.query.debt.DebtView.Promise;
import org.debtledger.query.debt.DebtView.PromiseStatus;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.promise.PromiseToPayMade;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a debt's events become its view. Where the debt stands (its balance, payments, plan, interest
 * freezes and limitation) is {@link DebtStanding}'s fold, the one the aggregate decides on; the view adds the
 * pause, the dispute, the advisor, the promises to pay and the contacts. The live projection and the history replay
 * both fold with it, so the replayed present is the debt view, exactly.
 */
public final class DebtViewFold {

    private static final LimitationPolicy LIMITATION = LimitationPolicy.finland();

    private DebtViewFold() {
    }

    public static DebtView apply(DebtView view, DebtEvent event, long sequenceNumber, long position) {
        if (event instanceof DebtRegistered registered) {
            DebtView claim = new DebtView(registered.debtId().value(), registered.creditorId().value(),
                    registered.debtorId().value(), registered.invoiceReference(), registered.invoicePeriod(),
                    registered.description(), registered.debtType(), registered.jurisdiction(), null,
                    registered.date(), null, null, null, null, null, null, null, null, null, null, null, 0, 0,
                    List.of(), List.of());
            return claim.with(DebtStanding.registered(registered), LIMITATION, null, null, null, sequenceNumber,
                    position, List.of(), List.of());
        }
        if (view == null) {
            throw new IllegalStateException("no view of debt " + event.debtId() + " to apply "
                    + event.getClass().getSimpleName() + " to");
        }
        Pause pause = view.pause();
        Dispute dispute = view.dispute();
        String advisorId = view.advisorId();
        if (event instanceof CollectionPaused paused) {
            pause = new Pause(paused.reason(), paused.date(), paused.until(), paused.freezes());
        } else if (event instanceof CollectionResumed) {
            pause = null;
        } else if (event instanceof DebtDisputed disputed) {
            dispute = new Dispute(disputed.reason(), disputed.date());
        } else if (event instanceof DisputeResolved) {
            dispute = null;
        } else if (event instanceof CaseAssigned assigned) {
            advisorId = assigned.advisorId().value();
        }
        return view.with(view.standing().evolve(event), LIMITATION, pause, dispute, advisorId, sequenceNumber,
                position, promisesAfter(view.promises(), event), contactsAfter(view.contacts(), event));
    }

    // ---- promises to pay
    private static List<Promise> promisesAfter(List<Promise> promises, DebtEvent event) {
        if (event instanceof PromiseToPayMade made) {
            List<Promise> more = new ArrayList<>(promises);
            more.add(new Promise(made.number(), made.amount(), made.promisedFor(), made.countsThrough(),
                    made.channel(), made.date(), PromiseStatus.OPEN, null, null));
            return more;
        }
        if (event instanceof PromiseKept kept) {
            return resolved(promises, kept.number(), PromiseStatus.KEPT, kept.arrived(), kept.date());
        }
        if (event instanceof PromiseBroken broken) {
            return resolved(promises, broken.number(), PromiseStatus.BROKEN, broken.arrived(), broken.date());
        }
        return promises;
    }

    private static List<Promise> resolved(List<Promise> promises, int number, PromiseStatus outcome, Money arrived,
                                          LocalDate on) {
        return promises.stream().map(promise -> promise.number() == number ? promise.resolved(outcome, arrived, on)
                : promise).toList();
    }

    // ---- the contact log: the facts only
    private static List<Contact> contactsAfter(List<Contact> contacts, DebtEvent event) {
        if (event instanceof ContactRecorded contact) {
            List<Contact> more = new ArrayList<>(contacts);
            more.add(new Contact(contact.contactId().value(), contact.date(), contact.direction(), contact.channel(),
                    contact.outcome()));
            return more;
        }
        return contacts;
    }
}
