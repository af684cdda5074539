package org.debtledger.command.debt;

/** Settled, written off and recalled debts accept nothing but reversals and refunds. */
public enum DebtStatus {
    OPEN,
    SETTLED,
    WRITTEN_OFF,
    RECALLED
}
