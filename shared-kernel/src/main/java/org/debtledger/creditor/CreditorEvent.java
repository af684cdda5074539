package org.debtledger.creditor;

import org.debtledger.debt.CreditorId;

import java.time.LocalDate;

/** Every event in a creditor's history names the creditor and the business date it was recorded on. */
public interface CreditorEvent {

    CreditorId creditorId();

    LocalDate date();
}
