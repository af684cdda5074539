package org.debtledger.audit;

/** Through which channel a change reached the ledger. */
public enum Channel {
    ADVISOR_PHONE,
    SELF_SERVICE,
    BANK_FILE,
    CREDITOR,
    SYSTEM
}
