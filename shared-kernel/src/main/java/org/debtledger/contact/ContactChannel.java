package org.debtledger.contact;

/** How the agency and the debtor were in touch. */
public enum ContactChannel {
    PHONE,
    LETTER,
    EMAIL,
    SMS,
    CHAT,
    SELF_SERVICE
}
