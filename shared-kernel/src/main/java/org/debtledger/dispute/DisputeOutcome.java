package org.debtledger.dispute;

/** How a creditor answered a dispute. */
public enum DisputeOutcome {
    UPHELD,
    REJECTED
}
