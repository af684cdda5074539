package org.debtledger.creditor;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.CreditorId;

import java.time.LocalDate;

/** A creditor's name or remittance account changed; both as they are from now on. */
@Revision("1")
public record CreditorDetailsChanged(CreditorId creditorId, String name, Iban remittanceAccount, LocalDate date)
        implements CreditorEvent {
}
