package org.debtledger.creditor;

import org.debtledger.debt.CreditorId;

/**
 * Where a creditor's events are kept in the event store: beside the debts, as an aggregate of type
 * {@value #AGGREGATE_TYPE} whose identifier cannot be a debt's ({@code #} is not allowed in an identifier).
 */
public final class CreditorStream {

    public static final String AGGREGATE_TYPE = "Creditor";
    private static final String PREFIX = "creditor#";

    private CreditorStream() {
    }

    public static String aggregateIdentifier(CreditorId creditorId) {
        return PREFIX + creditorId.value();
    }
}
