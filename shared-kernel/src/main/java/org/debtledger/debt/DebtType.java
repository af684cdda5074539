package org.debtledger.debt;

/** Consumer and business debts follow different fee caps and interest margins. */
public enum DebtType {
    CONSUMER,
    BUSINESS
}
