package org.debtledger.debt;

/** Where a debt is in its life: open for collection, or closed by settlement, write-off or the creditor's recall. */
public enum DebtStatus {
    OPEN,
    SETTLED,
    WRITTEN_OFF,
    RECALLED
}
