package org.debtledger.debt;

import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.List;

/** Registers a claim handed over for collection. The debt id comes from the caller or the API edge. */
public record RegisterDebt(DebtId debtId, CreditorId creditorId, DebtorId debtorId, String invoiceReference,
                           InvoicePeriod invoicePeriod, String description, Money principal, LocalDate dueDate,
                           DebtType debtType, Jurisdiction jurisdiction, boolean directlyEnforceable,
                           LocalDate date) implements DebtCommand {

    @Override
    public List<CommandDate> dates() {
        return CommandDate.of(CommandDate.happens("date", date), CommandDate.happens("dueDate", dueDate),
                CommandDate.happens("invoicePeriod.from", invoicePeriod == null ? null : invoicePeriod.from()),
                CommandDate.happens("invoicePeriod.to", invoicePeriod == null ? null : invoicePeriod.to()));
    }
}
