package org.debtledger.command.creditor;

/** What a creditor's configuration must keep, by name. A change that breaks one is refused and writes nothing. */
public enum CreditorRule {
    /** A remittance account is an IBAN whose check digits match. */
    REMITTANCE_ACCOUNT_NOT_AN_IBAN,
    /** A contract's interest share and principal commission are each from 0 to 100 percent. */
    CONTRACT_SHARE_OUT_OF_RANGE,
    /** A new contract comes into force after the latest one: history is added to, never rewritten. */
    CONTRACT_NOT_AFTER_LATEST,
    /** A contract is agreed with a creditor the agency has registered. */
    CREDITOR_UNKNOWN
}
