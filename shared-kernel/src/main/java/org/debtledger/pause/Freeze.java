package org.debtledger.pause;

/** What a pause stops. Payments are always accepted. */
public enum Freeze {
    INTEREST,
    FEES,
    CONTACT
}
