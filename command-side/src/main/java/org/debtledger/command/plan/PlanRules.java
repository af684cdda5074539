package org.debtledger.command.plan;

import org.debtledger.money.Money;

/**
 * How payment plans work in a jurisdiction: the smallest instalment, the grace days before an unpaid instalment
 * counts as missed, how many misses break a plan, whether the first plan is free of charge, and whether late
 * interest stops while a plan is kept (agency policy, so that a kept plan settles the debt).
 */
public record PlanRules(Money minimumInstalment, int graceDays, int missesToBreak, boolean firstPlanFree,
                        boolean interestFrozenWhileKept) {

    public PlanRules {
        if (graceDays < 0 || missesToBreak < 1) {
            throw new IllegalArgumentException("graceDays must not be negative and missesToBreak at least 1");
        }
    }
}
