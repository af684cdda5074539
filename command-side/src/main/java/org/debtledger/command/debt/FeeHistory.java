package org.debtledger.command.debt;

import java.time.LocalDate;

/** What the fee rules need to remember: how many demands and plans were charged for, and the last letter's date. */
record FeeHistory(int demandsCharged, int plansCharged, LocalDate lastLetter) {

    static final FeeHistory NONE = new FeeHistory(0, 0, null);

    FeeHistory withDemand(LocalDate date) {
        return new FeeHistory(demandsCharged + 1, plansCharged, date);
    }

    FeeHistory withReminder(LocalDate date) {
        return new FeeHistory(demandsCharged, plansCharged, date);
    }

    FeeHistory withPlanCharged() {
        return new FeeHistory(demandsCharged, plansCharged + 1, lastLetter);
    }
}
