package org.debtledger.debt;

import org.axonframework.serialization.Revision;
import org.debtledger.money.Money;

import java.time.LocalDate;

/** A claim was registered for collection: whose, for what and which period, how much, due when, under which law. */
@Revision("1")
public record DebtRegistered(DebtId debtId, CreditorId creditorId, DebtorId debtorId, String invoiceReference,
                             InvoicePeriod invoicePeriod, String description, Money principal, LocalDate dueDate,
                             DebtType debtType, Jurisdiction jurisdiction, boolean directlyEnforceable,
                             LocalDate date) implements DebtEvent {
}
