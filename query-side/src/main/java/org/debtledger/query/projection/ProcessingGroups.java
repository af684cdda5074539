package org.debtledger.query.projection;

import java.util.List;

/** The query side's streaming processors, one per read model that can be rebuilt on its own. */
public final class ProcessingGroups {

    /** The debt view and the audit timeline, folded together from each debt's events. */
    public static final String DEBTS = "debts";
    public static final String ADVISOR_QUEUE = "advisor-queue";
    /** Placed principal, collections by month since registration, and plans, for the portfolio's charts. */
    public static final String PORTFOLIO = "portfolio";
    /** Payments, reversals and refunds by creditor, for each creditor's remittance. */
    public static final String REMITTANCE = "remittance";
    public static final List<String> ALL = List.of(DEBTS, ADVISOR_QUEUE, PORTFOLIO, REMITTANCE);

    private ProcessingGroups() {
    }
}
