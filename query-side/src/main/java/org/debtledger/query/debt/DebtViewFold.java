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
import org.debtledger.query.debt.DebtView.Dispute;
import org.debtledger.query.debt.DebtView.Pause;

import java.util.List;

/**
 * The one way a debt's events become its view. Where the debt stands (its balance, payments, plan, interest
 * freezes and limitation) is {@link DebtStanding}'s fold, the one the aggregate decides on; the view adds the
 * pause, the dispute, the advisor and the contacts. The live projection and the history replay both fold with it, so
 * the replayed present is the debt view, exactly.
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
                    registered.date(), null, null, null, null, null, null, null, null, null, null, null, 0, 0, List.of());
            return claim.with(DebtStanding.registered(registered), LIMITATION, null, null, null, sequenceNumber,
                    position);
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
        DebtView after = view.with(view.standing().evolve(event), LIMITATION, pause, dispute, advisorId,
                sequenceNumber, position);
        if (event instanceof ContactRecorded contact) {
            after = after.withContact(new DebtView.Contact(contact.contactId().value(), contact.date(),
                    contact.direction(), contact.channel(), contact.outcome()));
        }
        return after;
    }
}
