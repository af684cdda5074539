package org.debtledger.debt;

/** Whose law governs the debt: fee caps, interest and allocation order are chosen by it. */
public enum Jurisdiction {
    FI
}
