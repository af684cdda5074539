package org.debtledger.command.contact;

import org.debtledger.contact.ContactChannel;
import org.debtledger.debt.DebtorId;

import java.time.LocalDate;
import java.util.List;

/**
 * The days of a debtor's outbound contacts by one channel over all their debts, looked up when a contact is to be
 * counted against the limits: a debt knows only its own contacts, the limits are the debtor's.
 */
public interface DebtorContacts {

    /** The day of each outbound contact by {@code channel} with the debtor, {@code from} through {@code through}. */
    List<LocalDate> outbound(DebtorId debtorId, ContactChannel channel, LocalDate from, LocalDate through);
}
