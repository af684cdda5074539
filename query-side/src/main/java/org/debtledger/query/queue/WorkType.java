package org.debtledger.query.queue;

/**
 * Kinds of work the advisor queue raises, with their priority (1 is the most urgent) and how soon they are due. A
 * broken promise shares the top priority and is due the day it broke, so it heads the queue over the rest of that
 * priority raised since; it does not outrank a claim about to be time-barred or a broken plan that are already due.
 */
public enum WorkType {
    // ---- promises to pay
    PROMISE_BROKEN(1, 0),
    PLAN_BROKEN(1, 2),
    LIMITATION_APPROACHING(1, 0),
    DISPUTE_OPENED(1, 5),
    INSTALMENT_MISSED(2, 3),
    PAYMENT_REVERSED(2, 3),
    OVERPAYMENT_TO_REFUND(2, 7),
    CALL_BACK(2, 0),
    PAUSE_ENDING(3, 0),
    NO_PLAN_NO_CONTACT(3, 0);

    final int priority;
    final int daysToAct;

    WorkType(int priority, int daysToAct) {
        this.priority = priority;
        this.daysToAct = daysToAct;
    }
}
