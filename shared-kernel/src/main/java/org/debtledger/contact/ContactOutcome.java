package org.debtledger.contact;

/**
 * What came of a contact. SENT is a message that asks no answer at once (a letter, an e-mail, a text): it was sent,
 * which is all the ledger knows of it, where REACHED would say the debtor was spoken to.
 */
public enum ContactOutcome {
    REACHED,
    NO_ANSWER,
    WRONG_NUMBER,
    CALL_BACK_REQUESTED,
    LEFT_MESSAGE,
    REFUSED,
    SENT
}
