package org.debtledger.debt;

import java.time.LocalDate;

/** Every event in a debt's history names its debt and the business date it happened on. */
public interface DebtEvent {

    DebtId debtId();

    LocalDate date();
}
