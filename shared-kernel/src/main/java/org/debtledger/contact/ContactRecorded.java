package org.debtledger.contact;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtorId;

import java.time.LocalDate;

/**
 * A contact about the debt on {@code date}: who made it, how, and what came of it. Only the facts: what was said (the
 * note) is personal data and kept with the debtor's personal data, never in an event. The debtor reference is here so
 * that a debtor's contacts over all their debts can be counted against the contact limits.
 */
@Revision("1")
public record ContactRecorded(DebtId debtId, DebtorId debtorId, ContactId contactId, ContactDirection direction,
                              ContactChannel channel, ContactOutcome outcome, LocalDate date) implements DebtEvent {

    /** A contact that reached the debtor: one the debtor made, or one the agency made and was answered. */
    public boolean reachedTheDebtor() {
        return direction == ContactDirection.INBOUND
                || outcome == ContactOutcome.REACHED || outcome == ContactOutcome.CALL_BACK_REQUESTED;
    }
}
