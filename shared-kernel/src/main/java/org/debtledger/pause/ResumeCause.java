package org.debtledger.pause;

/** Why collection resumed. */
public enum ResumeCause {
    RESUMED,
    PAUSE_ENDED,
    DISPUTE_RESOLVED
}
