package org.debtledger.payment;

/** The parts of a balance a payment can pay. */
public enum BalanceComponent {
    FEES,
    INTEREST,
    PRINCIPAL
}
