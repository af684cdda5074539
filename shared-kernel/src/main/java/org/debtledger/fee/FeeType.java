package org.debtledger.fee;

/** The collection actions a fee may be charged for. Plan fees come with the plan. */
public enum FeeType {
    REMINDER,
    DEMAND,
    DUE_DATE_EXTENSION,
    PAYMENT_PLAN
}
