package org.debtledger.callback;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;
import java.time.LocalTime;

/** The debtor asked on {@code date} to be called back on {@code on}, between {@code from} and {@code to}. */
@Revision("1")
public record CallBackRequested(DebtId debtId, LocalDate on, LocalTime from, LocalTime to, LocalDate date)
        implements DebtEvent {
}
