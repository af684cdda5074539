package org.debtledger.debt;

import java.time.LocalDate;
import java.util.Objects;

/** The period the original invoice covers: debtors reject letters that do not say what a claim is for. */
public record InvoicePeriod(LocalDate from, LocalDate to) {

    public InvoicePeriod {
        Objects.requireNonNull(from, "invoicePeriod.from");
        Objects.requireNonNull(to, "invoicePeriod.to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("invoicePeriod.to must not be before invoicePeriod.from");
        }
    }
}
