package org.debtledger.edge;

/** What a caller may do; an endpoint names the roles allowed on it and refuses every other. */
public enum Role {
    /** Works debts with debtors: reads debts and balances, records payments, agrees plans, pauses, takes work. */
    ADVISOR,
    /** Reads everything, history replay and the access log included; writes nothing but erasures. */
    COMPLIANCE,
    /** A downstream system: the public event stream only. */
    INTEGRATION,
    /** Runs the ledger: close of business, projection rebuilds, dead letters, reconciliation. */
    OPERATOR,
    /** A creditor's own system: reads its own debts and its own events, nothing else. */
    CREDITOR,
    /**
     * A person who owes: sees only their own debts (any other is unknown to them) and acts on them through
     * self-service. Which debts are theirs comes with the sign-in, as one or more debtor references.
     */
    DEBTOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
