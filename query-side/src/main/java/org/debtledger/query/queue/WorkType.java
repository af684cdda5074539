package org.debtledger.query.queue;

/** Kinds of work the advisor queue raises, with their priority (1 is the most urgent) and how soon they are due. */
public enum WorkType {
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
