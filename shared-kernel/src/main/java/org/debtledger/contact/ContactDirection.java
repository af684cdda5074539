package org.debtledger.contact;

/** Who made the contact: the agency (OUTBOUND) or the debtor (INBOUND). */
public enum ContactDirection {
    INBOUND,
    OUTBOUND
}
