package org.debtledger.creditor;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.CreditorId;

import java.time.LocalDate;

/** The agency took on a creditor: its name and the account what it is owed is remitted to. */
@Revision("1")
public record CreditorRegistered(CreditorId creditorId, String name, Iban remittanceAccount, LocalDate date)
        implements CreditorEvent {
}
