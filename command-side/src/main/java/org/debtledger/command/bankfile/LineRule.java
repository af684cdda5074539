package org.debtledger.command.bankfile;

/**
 * Why a well-formed line of a bank file was not applied, beside the Debt aggregate's own rules (a settled debt,
 * another currency, a payment id reused with another amount). Such a line is reported and the rest applied.
 */
public enum LineRule {
    /** The reference is not an ISO 11649 RF creditor reference, so names no debt of the ledger. */
    REFERENCE_NOT_RF,
    /** The reference's check digits fail: mistyped, most likely. */
    REFERENCE_CHECK_DIGITS_WRONG,
    /** The reference is sound but no debt has its id. */
    DEBT_UNKNOWN,
    /** Another process kept changing the debt at the same time; the line is applied when the file is sent again. */
    CONCURRENT_CHANGE,
    /** The ledger failed on the line; nothing was written for it. */
    UNEXPECTED_FAILURE
}
