package org.debtledger.command.debt;

import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.money.Money;

import java.time.LocalDate;

/** What the registered claim says and never changes: whose, how much, due when, under which law. */
public record DebtTerms(CreditorId creditorId, DebtorId debtorId, Money principal, LocalDate dueDate, DebtType debtType,
                 Jurisdiction jurisdiction, boolean directlyEnforceable, LocalDate registeredOn) {
}
