package org.debtledger.pause;

/** Why collection is paused. What each reason freezes is policy data on the command side. */
public enum PauseReason {
    COUNSELLING,
    DEBTOR_SUSPENSION_REQUEST,
    DISPUTE,
    BREATHING_SPACE
}
